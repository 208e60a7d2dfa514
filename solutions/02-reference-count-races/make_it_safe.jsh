// Chapter 2 · Make it safe (solution)
//
// One global lock: take it before the first step, give it back after the
// last, so no two operations ever overlap.
// A lock per object: hold the lock of every object the operation changes,
// from before its first step to after its last. Take them in one fixed
// order (here, sorted by name), whatever the operation's own order: two
// threads that lock the same two objects in opposite orders can each hold
// one and wait for the other forever. Free-threaded CPython's two-object
// critical section does the same, ordering the two mutexes by address.

List<Action> around(List<String> locks, Operation op) {
    List<Action> steps = new ArrayList<>();
    for (String lock : locks) {
        steps.add(Action.acquire(lock));
    }
    steps.addAll(op.steps());
    for (int i = locks.size() - 1; i >= 0; i--) {
        steps.add(Action.release(locks.get(i)));
    }
    return steps;
}

List<Action> oneGlobalLock(Operation op) {
    return around(List.of("global"), op);
}

List<Action> perObjectLocks(Operation op) {
    List<String> locks = new ArrayList<>(op.lockedObjects());
    Collections.sort(locks);
    return around(locks, op);
}

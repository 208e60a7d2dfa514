// WRONG: each thread takes a lock of its own, so no thread ever waits for another
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
    return around(List.of("lock of " + op.thread()), op);
}

List<Action> perObjectLocks(Operation op) {
    List<String> locks = new ArrayList<>(op.lockedObjects());
    Collections.sort(locks);
    return around(locks, op);
}


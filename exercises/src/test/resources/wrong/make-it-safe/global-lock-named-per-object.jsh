// WRONG: the global design is a single lock named after the first object it sees, so two operations on different objects do not exclude each other
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
    return around(List.of(op.objects().get(0)), op);
}

List<Action> perObjectLocks(Operation op) {
    List<String> locks = new ArrayList<>(op.lockedObjects());
    Collections.sort(locks);
    return around(locks, op);
}


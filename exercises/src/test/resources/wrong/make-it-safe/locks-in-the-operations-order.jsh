// WRONG: takes the two locks in the operation's own order (container, then item): two threads storing in opposite directions deadlock
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
    return around(op.lockedObjects(), op);
}

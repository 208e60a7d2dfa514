// WRONG: STORE_REF takes only the container's lock, though it also changes the item's count, which the item's lock guards
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
    return around(List.of(op.lockedObjects().get(0)), op);
}

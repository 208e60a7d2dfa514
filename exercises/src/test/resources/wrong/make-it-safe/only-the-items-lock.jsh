// WRONG: STORE_REF takes only the item's lock, though it also changes the container's size, which the container's lock guards
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
    List<String> objects = op.lockedObjects();
    return around(List.of(objects.get(objects.size() - 1)), op);
}

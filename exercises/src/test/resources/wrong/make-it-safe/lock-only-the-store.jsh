// WRONG: the global lock is held only around each STORE, so two threads can still LOAD the same old count
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
    List<Action> steps = new ArrayList<>();
    for (Action step : op.steps()) {
        if (step.kind() == MicroStep.STORE) {
            steps.add(Action.acquire("global"));
            steps.add(step);
            steps.add(Action.release("global"));
        } else {
            steps.add(step);
        }
    }
    return steps;
}

List<Action> perObjectLocks(Operation op) {
    List<String> locks = new ArrayList<>(op.lockedObjects());
    Collections.sort(locks);
    return around(locks, op);
}


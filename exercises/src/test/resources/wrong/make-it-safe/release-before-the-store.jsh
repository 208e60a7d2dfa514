// WRONG: releases the global lock before the operation's last STORE, so another thread can load the old value
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
    List<Action> own = op.steps();
    List<Action> steps = new ArrayList<>();
    steps.add(Action.acquire("global"));
    steps.addAll(own.subList(0, own.size() - 1));
    steps.add(Action.release("global"));
    steps.add(own.get(own.size() - 1));
    return steps;
}

List<Action> perObjectLocks(Operation op) {
    List<String> locks = new ArrayList<>(op.lockedObjects());
    Collections.sort(locks);
    return around(locks, op);
}


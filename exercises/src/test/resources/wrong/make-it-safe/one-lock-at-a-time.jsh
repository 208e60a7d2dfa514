// WRONG: per object, locks each object's own steps separately, one lock at a time, though STORE_REF's two updates overlap
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
    List<Action> steps = new ArrayList<>();
    String held = null;
    for (Action step : op.steps()) {
        String object = step.target().substring(0, step.target().indexOf('.'));
        if (!object.equals(held)) {
            if (held != null) {
                steps.add(Action.release(held));
            }
            steps.add(Action.acquire(object));
            held = object;
        }
        steps.add(step);
    }
    steps.add(Action.release(held));
    return steps;
}

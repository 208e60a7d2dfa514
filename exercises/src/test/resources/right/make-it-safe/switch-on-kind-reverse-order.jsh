// RIGHT: builds each list by hand with a switch on the operation's kind; locks in reverse alphabetical order, which is as fixed as any
List<Action> oneGlobalLock(Operation op) {
    List<Action> steps = new ArrayList<>();
    steps.add(Action.acquire("the one lock"));
    steps.addAll(op.steps());
    steps.add(Action.release("the one lock"));
    return steps;
}

List<Action> perObjectLocks(Operation op) {
    List<Action> steps = new ArrayList<>();
    switch (op.kind()) {
        case INCREF, DECREF -> {
            String only = op.objects().get(0);
            steps.add(Action.acquire(only));
            steps.addAll(op.steps());
            steps.add(Action.release(only));
        }
        case STORE_REF -> {
            String a = op.objects().get(0);
            String b = op.objects().get(1);
            String first = a.compareTo(b) > 0 ? a : b;
            String second = first.equals(a) ? b : a;
            steps.add(Action.acquire(first));
            steps.add(Action.acquire(second));
            steps.addAll(op.steps());
            steps.add(Action.release(first));
            steps.add(Action.release(second));
        }
    }
    return steps;
}

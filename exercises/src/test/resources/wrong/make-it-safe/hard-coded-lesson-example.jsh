// WRONG: hard-codes the steps of the lesson's example, STORE_REF(A, B) under one lock, whatever the operation
List<Action> fixed() {
    return List.of(
        Action.acquire("global"),
        new Action(MicroStep.LOAD, "B.ob_refcnt", 0),
        new Action(MicroStep.LOAD, "A.ob_size", 0),
        new Action(MicroStep.ADD, "B.ob_refcnt", 1),
        new Action(MicroStep.ADD, "A.ob_size", 1),
        new Action(MicroStep.STORE, "B.ob_refcnt", 0),
        new Action(MicroStep.STORE, "A.ob_size", 0),
        Action.release("global"));
}

List<Action> oneGlobalLock(Operation op) {
    return fixed();
}

List<Action> perObjectLocks(Operation op) {
    return fixed();
}

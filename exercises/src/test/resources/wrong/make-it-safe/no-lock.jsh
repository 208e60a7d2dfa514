// WRONG: no lock in either design: the LOAD..STORE windows of two threads still overlap
List<Action> oneGlobalLock(Operation op) {
    return op.steps();
}

List<Action> perObjectLocks(Operation op) {
    return op.steps();
}

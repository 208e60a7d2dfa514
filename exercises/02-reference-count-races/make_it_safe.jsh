// Chapter 2 · Make it safe
//
// Two threads share two objects. Each thread runs operations on them:
// INCREF(x) and DECREF(x) change x.ob_refcnt; STORE_REF(c, i) stores a new
// reference to i inside the container c, so i.ob_refcnt and c.ob_size go up
// together. op.steps() gives an operation's micro-steps (LOAD, ADD, STORE on
// those fields) as they run with no lock at all.
//
// Write two designs. Each gets one operation and returns its steps with
// locks added: Action.acquire(name) waits while another thread holds that
// lock; Action.release(name) gives it back. Keep every step of op.steps(),
// in order; add only ACQUIRE and RELEASE; release what you take.
//
//   oneGlobalLock(op)    one lock for everything
//   perObjectLocks(op)   a lock per object, named after it (the lock of
//                        object "A" is "A"); op.lockedObjects() lists the
//                        objects an operation changes: one, or two
//
// Tools: op.thread(), op.kind() (OpKind.INCREF, DECREF, STORE_REF),
// op.objects(), op.steps().
//
// Graded on seeded workloads (names, counts and operations change): the
// explorer runs EVERY schedule your locks allow, and none may lose an
// update, leak, free an object early, or deadlock. Check and Run show the
// schedules explored and the bad ones before and after your fix, and the
// steps each design adds.
//
// Check it:  ./gilbook check make-it-safe      Stuck?  ./gilbook hint make-it-safe

List<Action> oneGlobalLock(Operation op) {
    // TODO: no lock yet, so two threads' LOAD..STORE windows still overlap.
    return op.steps();
}

List<Action> perObjectLocks(Operation op) {
    // TODO: no lock yet here either; and some operations change two objects.
    return op.steps();
}

// Chapter 2 · Find the crash
//
// Without the GIL, Py_INCREF and Py_DECREF are three micro-steps each: LOAD
// the count, ADD one (or minus one), STORE it back. Two threads can overlap
// those steps, and an update gets lost.
//
// crash(explorer) gets an explorer for two threads and a starting count
// (each grading draws new ones: thread names, operations and count). Return
// an order of micro-steps, one thread name per step, that frees the object
// while a reference to it is still held: a premature free. Keep only the
// steps the crash needs. An order may stop before the threads are done.
//
// Tools:
//   explorer.threadNames()        the threads' names
//   explorer.ops(name)            a thread's operations (RefOp.INCREF, DECREF)
//   explorer.stepsOf(name)        how many micro-steps that thread has
//   explorer.describeSetup()      all of that in one line
//   explorer.explore()            run every schedule: .schedules(outcome),
//                                 .firstLosing(), .summary()
//   schedule.threadOrder()        a schedule as a list of thread names
//   explorer.replay(order)        replay an order (partial is fine):
//                                 .prematureFree(), .freedAtStep(),
//                                 .describe() prints it step by step
//
// Graded by replaying your order, on six setups: it must free the object
// while a reference is held, and dropping any one step (that thread's later
// steps then run earlier) must no longer do so. Nothing is compared with a
// stored answer.
//
// Check it:  ./gilbook check find-the-crash      Stuck?  ./gilbook hint find-the-crash

List<String> crash(InterleavingExplorer explorer) {
    // TODO: the first losing schedule is not necessarily a crash (a lost
    // DECREF leaks instead), and a whole schedule has steps the crash does
    // not need.
    return explorer.explore().firstLosing().orElseThrow().threadOrder();
}

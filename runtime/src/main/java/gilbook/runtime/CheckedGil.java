package gilbook.runtime;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/*
 Notes about the implementation:

 - This is the path every take and drop of one interpreter's GIL goes through, around the GilLock
   itself (the runtime's Gil, or a learner's own). The GilLock only decides who runs; this class
   checks the caller, records the events in the trace, and keeps PyThreadState.holdsGil true
   exactly while the thread holds the GIL. CPython splits the same way: take_gil and drop_gil in
   ceval_gil.c do the locking, and their callers (PyEval_RestoreThread, PyEval_SaveThread, the
   eval breaker) keep the thread state right.

 - Misuse fails here, before the GilLock sees it: taking the GIL twice would wait for ever on a
   non-reentrant lock, and dropping a GIL you do not hold would hand it to a waiter while its
   holder still runs. Both raise a GilStateError naming the thread (and the holder, if another).

 - Mutual exclusion is counted, not assumed. holders goes up after every take and down before
   every drop; if a take finds it already above 0, two threads hold the GIL at once. That is never
   so for the runtime's Gil; a learner's GilLock is graded on it (exclusionViolations). The count
   is atomic because, with a broken GilLock, two threads really do run here at once.

 - Parallel work (see HelperThreads): a Python thread inside a piece of its own parallel work may
   not take or drop the GIL (a helper could as well have run that piece), and the work its helpers
   finished is charged before the GIL changes hands, so it lands on the right side of the change.

 - Free-threaded mode (gilEnabled false) has no GIL: take and drop only settle parallel work.
*/

/**
 * The GIL as the interpreter uses it: every take and drop checked, traced and counted, around the
 * {@link GilLock} that decides who runs. The notes above give the reasons. Thread-safe.
 */
final class CheckedGil {
  private final GilLock gil;
  private final boolean enabled;
  private final Tracer tracer;
  private final ParallelWorkCharger parallelWork;
  private final AtomicInteger holders = new AtomicInteger();
  private final AtomicLong exclusionViolations = new AtomicLong();
  private volatile String firstViolation;

  CheckedGil(GilLock gil, boolean enabled, Tracer tracer, ParallelWorkCharger parallelWork) {
    this.gil = gil;
    this.enabled = enabled;
    this.tracer = tracer;
    this.parallelWork = parallelWork;
  }

  /** Takes the GIL for {@code ts}, recording the request, the wait and the take. */
  void takeGil(PyThreadState ts) {
    if (HelperThreads.inParallelWork(ts)) {
      throw HelperThreads.pythonInParallelWork(
          ts, null, "took the GIL (Python.withGil / attach, or the end of allowThreads)");
    }
    parallelWork.settle(ts);
    if (!enabled) {
      return; // free-threaded: there is no GIL to take
    }
    if (ts.holdsGil) {
      throw new GilStateError(
          "thread " + ts.name + " already holds the GIL; taking it again would deadlock");
    }
    tracer.takeRequest(ts);
    ts.clock.waitingFor("the GIL" + holderNote(ts), true);
    gil.takeGil(ts);
    ts.clock.waitingFor(null, false);
    if (holders.incrementAndGet() > 1) {
      long n = exclusionViolations.incrementAndGet();
      if (n == 1) {
        firstViolation =
            "thread " + ts.name + " took the GIL at t=" + ts.now() + " ns while another held it";
      }
    }
    // The hold's start is written before the volatile flag, so that a snapshot taken by another
    // thread that sees the flag also sees when the hold began (PyThreadState.stats).
    tracer.taken(ts);
    ts.holdsGil = true;
  }

  /** Drops the GIL held by {@code ts}; {@code cause} says why, for the trace. */
  void dropGil(PyThreadState ts, String cause) {
    if (HelperThreads.inParallelWork(ts)) {
      throw HelperThreads.pythonInParallelWork(ts, null, "released the GIL (" + cause + ")");
    }
    parallelWork.settle(ts); // work done holding the GIL is charged before the GIL goes
    if (!enabled) {
      return; // free-threaded: there is no GIL to drop
    }
    if (!ts.holdsGil) {
      throw new GilStateError(
          "thread " + ts.name + " tried to drop the GIL, but it does not hold it" + holderNote(ts));
    }
    tracer.dropped(ts, cause);
    ts.holdsGil = false;
    holders.decrementAndGet();
    gil.dropGil(ts);
  }

  /** How many times a thread took the GIL while another held it. */
  long exclusionViolations() {
    return exclusionViolations.get();
  }

  /** The first mutual-exclusion violation in words, or {@code null}. */
  String firstViolation() {
    return firstViolation;
  }

  private String holderNote(PyThreadState ts) {
    PyThreadState holder = gil.lastHolder();
    return holder != null && holder != ts && gil.locked() ? " (held by " + holder.name + ")" : "";
  }
}

package gilbook.runtime;

import gilbook.runtime.internal.ThreadKilled;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;

/**
 * Charges a Python thread with the work its helper threads did, and ends its detached sections: the
 * interpreter's side of {@link HelperThreads}, whose notes give the design (the ledgers, the sum
 * rule, a section as a scope). Every method runs on the Python thread it is given; the ledgers it
 * reads are written by helpers, and are thread-safe. Thread-safe.
 */
final class ParallelWorkCharger {
  /** What the trace calls a settled ledger. */
  private static final String PARALLEL_WORK = "parallel work";

  private final boolean virtual;
  private final Tracer tracer;
  private final long helperTimeoutNanos;

  ParallelWorkCharger(boolean virtual, Tracer tracer, long helperTimeoutNanos) {
    this.virtual = virtual;
    this.tracer = tracer;
    this.helperTimeoutNanos = helperTimeoutNanos;
  }

  /**
   * Charges {@code ts} with the parallel work its fork/join helpers finished since it last did:
   * their total, as that many computations one after another on one core (see {@link HelperThreads}
   * for why the sum). Called by {@code ts} at every step other threads could see.
   */
  void settle(PyThreadState ts) {
    if (ts.parallel.pending()) {
      charge(ts, ts.parallel.takeCpu(), ts.parallel.takeCpuCalls(), ts.parallel.takeBlocked());
    }
  }

  /**
   * Charges {@code cpuNanos}, the sum of {@code calls} computations, as {@code calls} equal
   * computations in a row: so the trace counts one computation per {@code Work.cpu} call, as for
   * sequential code, in an order that does not depend on which helper ran which (their real order
   * does, so each keeps only its share of the sum).
   */
  private void charge(PyThreadState ts, long cpuNanos, long calls, long blockedNanos) {
    boolean withGil = ts.holdsGil;
    if (cpuNanos > 0) {
      if (virtual) {
        long n = Math.max(1, calls);
        for (long i = 0; i < n; i++) {
          long share = cpuNanos / n + (i == n - 1 ? cpuNanos % n : 0);
          long began = ts.clock.cpu(share);
          tracer.cpu(ts, PARALLEL_WORK, withGil, began);
        }
      } else {
        // Real time: the helpers' time has passed already, in parallel with this thread's.
        tracer.cpu(ts, PARALLEL_WORK + " of helper threads", withGil, ts.now(), cpuNanos);
      }
    }
    if (blockedNanos > 0 && virtual) {
      long since = ts.now();
      ts.clock.sleep(blockedNanos);
      if (!withGil) {
        tracer.blocked(ts, "sleep or I/O in " + PARALLEL_WORK, since);
      }
    }
  }

  /** Opens a detached section on {@code ts}, which has just dropped the GIL (saveThread). */
  void openSection(PyThreadState ts) {
    ts.section = new DetachedSection(ts.section);
  }

  /** Ends {@code ts}'s innermost section, if any; returns the error to raise, or null. */
  RuntimeException closeSection(PyThreadState ts) {
    DetachedSection section = ts.section;
    if (section == null) {
      return null;
    }
    RuntimeException late = awaitSectionThreads(ts, section);
    awaitQuiescence(ts);
    ts.section = section.outer;
    settle(ts);
    charge(
        ts,
        section.threadWork.takeCpu(),
        section.threadWork.takeCpuCalls(),
        section.threadWork.takeBlocked());
    RuntimeException raised = section.failure.get();
    return raised != null ? raised : late;
  }

  /**
   * Waits, in real time and at most the helper-thread timeout, for every thread started inside
   * {@code section} to end; returns an error naming one that did not, or null.
   */
  private RuntimeException awaitSectionThreads(PyThreadState ts, DetachedSection section) {
    long deadline = System.nanoTime() + helperTimeoutNanos;
    while (true) {
      List<Thread> running = section.threadsStillRunning();
      if (running.isEmpty()) {
        return null;
      }
      for (Thread t : running) {
        long left = deadline - System.nanoTime();
        if (left > 0) {
          try {
            TimeUnit.NANOSECONDS.timedJoin(t, left);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ThreadKilled(ts.name);
          }
        }
        if (t.isAlive()) {
          return new HelperThreadError(
              "thread "
                  + t.getName()
                  + ", started inside allowThreads/detach on thread "
                  + ts.name
                  + ", was still running "
                  + Duration.ofNanos(helperTimeoutNanos).toMillis()
                  + " ms (real time) after the section ended. A detached section waits for the"
                  + " threads started inside it, as std::thread::scope does, so that their work"
                  + " counts: join every thread you start (thread.join(), future.get(),"
                  + " executor.shutdown() and awaitTermination) before the closure returns, and"
                  + " let no helper wait for something done after the section.");
        }
      }
    }
  }

  /** Lets the tasks still queued in {@code ts}'s own pool (forked, never joined) finish. */
  private void awaitQuiescence(PyThreadState ts) {
    if (ts.hadHelpers && Thread.currentThread() instanceof ForkJoinWorkerThread w) {
      w.getPool().awaitQuiescence(helperTimeoutNanos, TimeUnit.NANOSECONDS);
    }
  }

  /**
   * At the end of {@code ts}'s body: ends the sections it left open, charges what its helpers did,
   * and raises the first error of a thread it started outside any section.
   */
  void finish(PyThreadState ts) {
    RuntimeException failure = null;
    while (ts.section != null) {
      RuntimeException e = closeSection(ts);
      failure = failure != null ? failure : e;
    }
    awaitQuiescence(ts);
    settle(ts);
    if (failure == null) {
      failure = ts.helperFailure.get();
    }
    if (failure != null) {
      throw failure;
    }
  }
}

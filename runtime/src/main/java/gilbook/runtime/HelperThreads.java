package gilbook.runtime;

import gilbook.runtime.internal.PythonThreads;
import java.util.Iterator;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.locks.LockSupport;

/*
 Notes about the implementation:

 - PyO3's usual way to use every core is rayon inside a detached section:
   py.detach(|| numbers.par_iter().map(expensive).collect()). In Java that is a parallel stream
   inside py.allowThreads. The stream's other Java threads ("helpers") are not Python threads:
   they must never touch a Python object, and their Work.cpu must still count as the Python
   thread's GIL-free work, the same on every run, whoever really ran which piece.

 - Who is whose helper. Each Python thread runs as the first worker of a ForkJoinPool of its own
   (internal.PythonThreads), with the interpreter's cores as its parallelism. A parallel stream or
   a ForkJoinTask started on a fork/join worker runs in that worker's pool, so the other workers
   of a Python thread's pool are its fork/join helpers: known from the pool, not guessed. (The
   common pool could not do this: its threads are shared by everyone.) A thread made with
   new Thread, or by an ExecutorService, inherits an InheritableThreadLocal tag from the thread
   that constructs it: the owning Python thread, and whether the owner was inside a detached
   section then. That is decided on the creating thread, in program order, so it is the same on
   every run. Threads of other pools (the common pool, used by CompletableFuture's async methods)
   are nobody's helpers, whatever tag they inherited.

 - What a helper may do: Work.cpu and Work.cpuNanos, Work.sleep and Work.io, charged to its owner
   as below. Everything else needs a Python thread (touching or making an object, Eval,
   Work.call, Python.withGil, locks): it fails with a GilNotHeldError naming the helper, its
   owner, what it touched, and what to do instead. A thread started outside a detached section,
   or computing after its section ended, fails with a HelperThreadError.

 - The owner's own share. The thread that starts a parallel stream runs some of the pieces
   itself (the terminal operation runs the root task on the caller, and a waiting worker helps),
   and how many depends on real scheduling. So inside a nested fork/join task its Work.cpu goes to
   the ledger too, and it may not use Python there either: the helpers could not, and the verdict
   must not depend on who ran which piece. "Inside a nested task" is a stack walk: a ForkJoinTask
   frame above Interpreter.threadMain. A walk costs microseconds, so it is done only on threads
   whose pool has made a helper (a pool makes its first helper at its first fork, on the owner,
   before the owner runs any piece; a stream that never forks runs wholly on the owner, in program
   order, and needs no ledger), and only at Work calls, GIL takes and drops, blocking calls,
   starting a thread, and touching or making an object; not at each bytecode instruction
   (Eval.instruction, loop and call inside parallel work are not checked).

 - The ledgers. Parallel work is added to a ParallelWork: atomic sums of CPU and blocked time.
   Adding never touches the scheduler, so while a stream runs its owner keeps the virtual turn and
   no other Python thread moves. Fork/join work goes to the owner's ledger, settled at the owner's
   next step that other threads could see (any of the places above, and each instruction, which
   only reads a volatile flag). By then the terminal operation has returned, and it joins every
   piece, so the ledger holds all of the stream's work however the pieces were shared out. Plain
   threads' work goes to their section's ledger, settled only when the section ends, because they
   may still run while the owner goes on.

 - The accounting rule is the sum. A settled ledger is charged to the owner as one computation of
   its total on one simulated core, exactly as if the owner had called Work.cpu(total) at that
   point: GIL-free time (ranWithoutGil) when the owner is detached, cpuWithGil when it holds the
   GIL (a parallel stream outside allowThreads keeps the GIL for its whole length, as rayon does
   under a held GIL). Blocked time follows, as blocked time. Why not the total divided among the
   cores: the split a real run gets depends on work stealing, the largest piece cannot be divided,
   and one helper thread runs its work in sequence. A faster rule would have to guess, and a guess
   based on who ran what would differ between runs. The sum depends only on what was computed; it
   never claims parallelism that did not happen; it keeps held + waited + ranWithoutGil + blocked +
   cpuWithGil equal to the thread's lifetime; and it gives a parallel solution the timeline of its
   sequential twin, so a check that judges how the GIL was held gives both the same verdict. The
   speed-up itself is not simulated.

 - A section is a scope, as std::thread::scope and rayon::scope are. Its end (restoreThread, the
   end of allowThreads or detach) first waits, in real time, for each thread started inside it
   (the threads of the owner's own thread group that were not alive when the section began, pool
   workers aside) to end, then for its pool to be quiescent (tasks forked and never joined), then
   settles both ledgers. So a section's work is all in the account whatever the timing: a
   fire-and-forget thread keeps running GIL-free until it ends, and the section lasts until then.
   One still alive after the builder's helperThreadTimeout (real time, 2 s by default) fails the
   section with a HelperThreadError that names it: an executor never shut down, a thread waiting
   for something its owner does only after the section.

 - Errors of plain helper threads are recorded, and raised on the owner at the section's end (or
   the thread's end) once it holds the GIL again; a fork/join helper's error reaches the owner
   through the stream itself.

 - Real clock: helpers spin or sleep for real (real parallelism). When the owner settles, their
   CPU time is added to its statistics and traced, but its clock is not moved: that time has
   passed already. The owner's own share is charged as it runs.
*/

/**
 * Threads that a Python thread starts for parallel work (a parallel stream, fork/join tasks, plain
 * threads or executors inside a detached section): who owns them, what they may do, and how their
 * work is charged. The notes above the class explain the design. Thread-safe.
 */
final class HelperThreads {
  private HelperThreads() {}

  private static final StackWalker STACK =
      StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

  /** The Python thread a plain thread belongs to, and whether it was made inside a section. */
  private record Tag(PyThreadState owner, boolean inSection) {}

  private static final InheritableThreadLocal<Tag> TAG =
      new InheritableThreadLocal<>() {
        @Override
        protected Tag childValue(Tag parent) {
          // Runs on the creating thread, inside the new thread's constructor. (A thread that only
          // asked for its tag holds null: get() stores the initial value.)
          return parent == null ? null : new Tag(parent.owner(), parent.owner().section != null);
        }
      };

  /** What a thread that is not a Python thread is to the interpreter. */
  private record Helper(PyThreadState owner, Thread thread, boolean forkJoin, boolean inSection) {
    String describe() {
      String who = "thread " + thread.getName() + ", ";
      if (forkJoin) {
        return who
            + "a helper that runs parallel work (a parallel stream or fork/join task) of Python"
            + " thread "
            + owner.name
            + ",";
      }
      return who
          + "a thread that Python thread "
          + owner.name
          + " started "
          + (inSection ? "inside allowThreads/detach," : "while it held the GIL,");
    }
  }

  /** Marks the calling Java thread as Python thread {@code ts}: threads it makes are its own. */
  static void bind(PyThreadState ts) {
    if (ts == null) {
      TAG.remove();
    } else {
      TAG.set(new Tag(ts, false));
    }
  }

  private static Helper helper() {
    Thread t = Thread.currentThread();
    if (t instanceof PythonThreads.Worker w) {
      return w.carrier() ? null : new Helper((PyThreadState) w.owner(), t, true, true);
    }
    if (t instanceof ForkJoinWorkerThread) {
      return null; // another pool's worker: shared, so nobody's helper
    }
    Tag tag = TAG.get();
    return tag == null ? null : new Helper(tag.owner(), t, false, tag.inSection());
  }

  // ---------------------------------------------------------------- Work from helpers

  /** {@code Work.cpu} on a thread that is not a Python thread. */
  static void cpu(String what, long nanos) {
    Helper h = requireHelper(what);
    ParallelWork ledger = ledger(h, what);
    if (!h.owner().interp.clock().isVirtual()) {
      spin(nanos);
    }
    ledger.addCpu(nanos);
  }

  /** {@code Work.sleep} or {@code Work.io} on a thread that is not a Python thread. */
  static void blocking(String what, long nanos) {
    Helper h = requireHelper(what);
    ParallelWork ledger = ledger(h, what);
    Interpreter interp = h.owner().interp;
    if (!interp.clock().isVirtual()) {
      sleep(nanos);
    }
    ledger.addBlocked(interp.blockingNanos(nanos));
  }

  private static Helper requireHelper(String what) {
    Helper h = helper();
    if (h == null) {
      throw notAPythonThread("call " + what);
    }
    if (!h.forkJoin() && !h.inSection()) {
      throw record(
          h,
          new HelperThreadError(
              h.describe()
                  + " called "
                  + what
                  + ". Its work cannot be charged to anyone: only threads started inside"
                  + " allowThreads/detach count as the detached thread's GIL-free work. Start it"
                  + " inside py.allowThreads(() -> ...) and join it before the closure returns, or"
                  + " use a parallel stream there."));
    }
    return h;
  }

  private static ParallelWork ledger(Helper h, String what) {
    if (h.forkJoin()) {
      return h.owner().parallel;
    }
    DetachedSection section = h.owner().section;
    if (section == null) {
      throw record(
          h,
          new HelperThreadError(
              h.describe()
                  + " called "
                  + what
                  + " after that section had ended and "
                  + h.owner().name
                  + " had taken the GIL back, so the work could not count. Join every thread you"
                  + " start (thread.join(), future.get(), executor.shutdown() and"
                  + " awaitTermination) before the closure of allowThreads returns."));
    }
    return section.threadWork;
  }

  // ---------------------------------------------------------------- errors

  /**
   * The error for a Java thread with no Python thread state that tried to {@code what} (an
   * infinitive: "call Python.withGil (attach)"), or to use {@code object} for {@code use} when
   * {@code object} is not null: a GilNotHeldError for a helper, an IllegalStateException for any
   * other thread.
   */
  static RuntimeException noThreadState(PyObject object, String use, String what) {
    Helper h = helper();
    if (h == null) {
      return notAPythonThread(object != null ? "use " + object.describe() : what);
    }
    String did =
        object != null ? "touched " + object.describe() + " (" + use + ")" : "tried to " + what;
    return record(
        h,
        new GilNotHeldError(
            h.describe()
                + " "
                + did
                + ". It is not a Python thread and does not hold the GIL: only the thread that"
                + " holds the GIL may use Python objects. "
                + ADVICE));
  }

  /** The error for Python thread {@code ts} using Python inside a piece of its parallel work. */
  static GilNotHeldError pythonInParallelWork(PyThreadState ts, PyObject object, String what) {
    String did =
        object != null
            ? "touched " + object.describe() + (what != null ? " (" + what + ")" : "")
            : what;
    return new GilNotHeldError(
        "thread "
            + ts.name
            + " "
            + did
            + " inside parallel work it started (a piece of a parallel stream or a fork/join task,"
            + " which one of its helper threads could as well have run); its helpers may not use"
            + " Python, so neither may it there. "
            + ADVICE);
  }

  private static final String ADVICE =
      "Copy what the parallel work needs into Java values (a long[]) while you hold the GIL,"
          + " compute on those inside py.allowThreads / py.detach, and make or change Python"
          + " objects after it returns, or inside Python.withGil / attach on the Python thread"
          + " itself.";

  private static IllegalStateException notAPythonThread(String what) {
    return new IllegalStateException(
        "Java thread '"
            + Thread.currentThread().getName()
            + "' is not a Python thread, nor a helper that a Python thread started inside"
            + " allowThreads/detach, so it cannot "
            + what
            + ". Parallel streams and threads started inside py.allowThreads / py.detach work;"
            + " ForkJoinPool.commonPool() and CompletableFuture's async methods run on shared"
            + " threads that belong to no Python thread. Outside an extension (a test, a tool),"
            + " run this code inside interp.run(...) or a thread from interp.start(...).");
  }

  /** Keeps a plain helper's error for its owner, who raises it when the section ends. */
  private static <E extends RuntimeException> E record(Helper h, E error) {
    if (!h.forkJoin()) {
      DetachedSection section = h.owner().section;
      if (section != null) {
        section.failure.compareAndSet(null, error);
      } else {
        h.owner().helperFailure.compareAndSet(null, error);
      }
    }
    return error;
  }

  // ---------------------------------------------------------------- the owner's own share

  /**
   * Whether {@code ts}, the calling Python thread, is running a piece of its own parallel work: a
   * fork/join task nested in its body (see the notes). Always false before its pool made a helper.
   */
  static boolean inParallelWork(PyThreadState ts) {
    if (!ts.hadHelpers) {
      return false;
    }
    return STACK.walk(
        frames -> {
          for (Iterator<StackWalker.StackFrame> it = frames.iterator(); it.hasNext(); ) {
            StackWalker.StackFrame f = it.next();
            Class<?> c = f.getDeclaringClass();
            if (c == ForkJoinTask.class) {
              return true;
            }
            if (c == Interpreter.class && f.getMethodName().equals("threadMain")) {
              return false; // the thread's own body: the pool's top-level task is below this
            }
          }
          return false;
        });
  }

  // ---------------------------------------------------------------- real clock

  private static void spin(long nanos) {
    long end = System.nanoTime() + nanos;
    while (System.nanoTime() - end < 0) {
      Thread.onSpinWait();
    }
  }

  private static void sleep(long nanos) {
    long end = System.nanoTime() + nanos;
    long left;
    while ((left = end - System.nanoTime()) > 0) {
      LockSupport.parkNanos(left);
      if (Thread.currentThread().isInterrupted()) {
        return;
      }
    }
  }
}

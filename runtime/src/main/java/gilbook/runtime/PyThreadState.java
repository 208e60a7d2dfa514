package gilbook.runtime;

import gilbook.runtime.internal.ClockThread;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One Python thread's state inside the interpreter, CPython's {@code PyThreadState}.
 *
 * <p>As in CPython, the current thread state is thread-local: {@link #get()} finds it, and every
 * operation on a Python object uses it to check that the calling thread holds the GIL. A thread
 * state is confined to its own thread; only the accessors documented as such may be called from
 * elsewhere.
 *
 * <p>In free-threaded mode ({@code Interpreter.Builder.gilEnabled(false)}) there is no GIL: {@link
 * #holdsGil()} is always false, and touching an object never checks it. The thread state then also
 * holds the thread's queue of objects to merge (CPython's {@code _brc_thread_state}, PEP 703).
 */
public final class PyThreadState {
  private static final ThreadLocal<PyThreadState> CURRENT = new ThreadLocal<>();

  final Interpreter interp;
  final long id;
  final String name;
  final boolean daemon;
  private final EvalBreaker evalBreaker;
  private final boolean everyInstruction;
  final boolean freeThreaded;
  ClockThread clock;

  volatile boolean holdsGil;
  volatile boolean finished;
  Throwable uncaught;

  // Statistics, written only by this thread (see Tracer), read as a snapshot.
  long requestAt;

  /** Between a take request and the take: {@link #requestAt} is when the wait began. */
  volatile boolean waitingForGil;

  long holdStart;
  long held;
  long waited;
  long ranWithoutGil;
  long blocked;
  long cpuWithGil;
  long acquisitions;
  long longestHold;
  long dropRequestsCaused;
  long forcedSwitchWaits;
  long instructions;
  long started;
  volatile long ended = -1;

  // Parallel work (see HelperThreads). The innermost open detached section, written by this
  // thread and read by the threads it makes; the ledger of its fork/join helpers; whether its pool
  // ever made a helper; and the first error of a plain helper thread started outside a section.
  volatile DetachedSection section;
  final ParallelWork parallel = new ParallelWork();
  volatile boolean hadHelpers;
  final AtomicReference<RuntimeException> helperFailure = new AtomicReference<>();

  // Biased reference counting (free-threaded mode only), written only by this thread.
  long nonAtomicRefOps;
  long atomicRefOps;
  long refMerges;
  long refQueued;
  long immortalRefOps;

  // Objects other threads queued to this one, their owner, for merging (Python/brc.c). Guarded by
  // its own monitor, like CPython's per-bucket mutex; the flag is this thread's eval-breaker bit.
  private final List<PyObject> brcQueue = new ArrayList<>();
  private boolean brcClosed;
  private volatile boolean mergeRequested;

  PyThreadState(Interpreter interp, long id, String name, boolean daemon) {
    this.interp = interp;
    this.id = id;
    this.name = name;
    this.daemon = daemon;
    this.evalBreaker = interp.evalBreaker();
    this.everyInstruction = interp.evalBreakerPolicy() == EvalBreakerPolicy.EVERY_INSTRUCTION;
    this.freeThreaded = !interp.gilEnabled();
  }

  /**
   * The calling thread's state, like {@code PyThreadState_Get()}.
   *
   * @throws GilNotHeldError if the calling Java thread is a helper of a Python thread (a parallel
   *     stream's worker, or a thread started inside a detached section), which may not use Python
   * @throws IllegalStateException if the calling Java thread is not a Python thread at all
   */
  public static PyThreadState get() {
    return get("run Python code or use Python objects");
  }

  /**
   * {@link #get()}, naming in the error what the calling thread tried: {@code what} completes
   * "thread ... tried to", for example {@code "call Python.withGil (attach)"}.
   */
  public static PyThreadState get(String what) {
    PyThreadState ts = CURRENT.get();
    if (ts == null) {
      throw HelperThreads.noThreadState(null, null, what);
    }
    return ts;
  }

  /** {@link #get()} for a use of {@code object}, named in the error. */
  static PyThreadState getFor(PyObject object, String use) {
    PyThreadState ts = CURRENT.get();
    if (ts == null) {
      throw HelperThreads.noThreadState(object, use, null);
    }
    return ts;
  }

  /** The calling thread's state, or {@code null} if it is not a Python thread. */
  public static PyThreadState getOrNull() {
    return CURRENT.get();
  }

  static void bind(PyThreadState ts) {
    if (ts == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(ts);
    }
  }

  /** The thread's name. Any thread may call this. */
  public String name() {
    return name;
  }

  /** The thread's id, counting from 1 in start order. Any thread may call this. */
  public long id() {
    return id;
  }

  /** The interpreter this thread belongs to. Any thread may call this. */
  public Interpreter interpreter() {
    return interp;
  }

  /**
   * Whether this thread holds the GIL right now. Any thread may call this. Always false in
   * free-threaded mode, where there is no GIL to hold: ask {@link Interpreter#gilEnabled()} first
   * if the difference matters.
   */
  public boolean holdsGil() {
    return holdsGil;
  }

  /** This thread's current time on the interpreter's clock. */
  public long now() {
    return clock.now();
  }

  /**
   * A snapshot of this thread's statistics. Any thread may call this; it may be slightly stale.
   *
   * <p>A hold or a wait still open counts up to the thread's now: a run that ends in a deadlock
   * while a thread holds the GIL, or waits for it, must not report that thread as never having
   * held, or waited, when its lane in the timeline shows it did.
   */
  public ThreadStats stats() {
    return stats(clock.now());
  }

  /** {@link #stats()}, with a hold or a wait still open counted up to {@code until}. */
  ThreadStats stats(long until) {
    long heldSoFar = held;
    long waitedSoFar = waited;
    long longest = longestHold;
    if (ended < 0) {
      if (holdsGil) {
        long open = Math.max(0, until - holdStart);
        heldSoFar += open;
        longest = Math.max(longest, open);
      } else if (waitingForGil) {
        waitedSoFar += Math.max(0, until - requestAt);
      }
    }
    return new ThreadStats(
        id,
        name,
        heldSoFar,
        waitedSoFar,
        ranWithoutGil,
        blocked,
        cpuWithGil,
        acquisitions,
        longest,
        dropRequestsCaused,
        forcedSwitchWaits,
        instructions,
        started,
        ended);
  }

  /** A snapshot of this thread's reference-counting statistics (free-threaded mode). */
  public RefcountStats refcountStats() {
    return new RefcountStats(
        id, name, nonAtomicRefOps, atomicRefOps, refMerges, refQueued, immortalRefOps);
  }

  @Override
  public String toString() {
    return "PyThreadState[" + name + "]";
  }

  // ---------------------------------------------------------------- the eval loop's hooks

  /** One instruction: a check point too under {@link EvalBreakerPolicy#EVERY_INSTRUCTION}. */
  void instruction() {
    instruction(null);
  }

  /** One instruction on {@code object} (named in the error if the GIL is not held). */
  void instruction(PyObject object) {
    if (everyInstruction) {
      if (evalBreaker.gilDropRequest()) {
        handlePending();
      }
      if (mergeRequested) {
        mergeQueuedObjects();
      }
    }
    requireGil(object);
    clock.instruction();
    instructions++;
  }

  /** A back edge ({@code JUMP_BACKWARD}) or a call: an instruction that is always a check point. */
  void checkPoint() {
    requireGil(null);
    clock.instruction();
    instructions++;
    if (evalBreaker.gilDropRequest()) {
      handlePending();
    }
    if (mergeRequested) {
      mergeQueuedObjects();
    }
  }

  /** CPython's {@code eval_frame_handle_pending}: honour the drop request, then re-take. */
  private void handlePending() {
    if (!holdsGil) {
      return;
    }
    interp.checkedGil().dropGil(this, "drop request");
    interp.checkedGil().takeGil(this);
  }

  /**
   * Fails unless this thread holds the GIL; {@code object} names what was touched, if anything.
   * First charges the parallel work this thread's helpers finished (see {@link HelperThreads}): one
   * volatile read when there is none, since every instruction comes here.
   */
  void requireGil(PyObject object) {
    if (parallel.pending()) {
      interp.parallelWork().settle(this);
    }
    if (!holdsGil && !freeThreaded) {
      throw new GilNotHeldError(this, object);
    }
  }

  /**
   * {@link #requireGil}, and fails too inside a piece of this thread's own parallel work, where its
   * helpers could not use Python either. For touching ({@code object} not null, {@code use} says
   * how) or making objects ({@code object} null, {@code use} says what), and Work.call.
   */
  void requirePython(PyObject object, String use) {
    requireOutsideParallelWork(object, use);
    requireGil(object);
  }

  /** Fails inside a piece of this thread's own parallel work (see {@link HelperThreads}). */
  void requireOutsideParallelWork(PyObject object, String use) {
    if (HelperThreads.inParallelWork(this)) {
      throw HelperThreads.pythonInParallelWork(this, object, use);
    }
  }

  /** Called on the thread that makes a helper in this thread's pool, before the helper runs. */
  void helperStarted() {
    hadHelpers = true;
  }

  // ---------------------------------------------------------------- biased refcounting (PEP 703)

  /**
   * Queues {@code o} to this thread, its owner, for merging ({@code _Py_brc_queue_object}), and
   * sets this thread's eval-breaker bit. Called by another thread.
   *
   * @return false if this thread has exited; the caller must then merge the object itself
   */
  boolean brcEnqueue(PyObject o) {
    synchronized (brcQueue) {
      if (brcClosed) {
        return false;
      }
      brcQueue.add(o);
      mergeRequested = true;
      return true;
    }
  }

  /**
   * Merges every object queued to this thread ({@code _Py_brc_merge_refcounts}), at a check point.
   * Each merge takes away the reference the queue held; an object whose merged count is then zero
   * is deallocated here.
   */
  void mergeQueuedObjects() {
    List<PyObject> batch;
    synchronized (brcQueue) {
      batch = new ArrayList<>(brcQueue);
      brcQueue.clear();
      mergeRequested = false;
    }
    for (PyObject o : batch) {
      o.mergeQueued(this);
    }
  }

  /** At thread exit ({@code _Py_brc_remove_thread}): no more queuing here; merge what is queued. */
  void brcRemoveThread() {
    synchronized (brcQueue) {
      brcClosed = true;
    }
    mergeQueuedObjects();
  }
}

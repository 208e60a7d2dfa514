package gilbook.runtime;

import gilbook.runtime.internal.ClockEngine;
import gilbook.runtime.internal.ClockEngine.RunEnd;
import gilbook.runtime.internal.PythonThreads;
import gilbook.runtime.internal.ThreadKilled;
import gilbook.runtime.internal.VirtualClock;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One simulated CPython process: the GIL, the eval breaker, the Python threads, the heap of objects
 * and the trace.
 *
 * <p>Build one with {@link #builder()}, run Python threads in it, read the trace, then close it:
 *
 * <pre>{@code
 * try (Interpreter interp = Interpreter.builder().clock(Clock.virtual(42)).build()) {
 *   interp.start("A", () -> Eval.loop(1_000_000, i -> Eval.instruction()));
 *   interp.start("B", () -> Eval.loop(1_000_000, i -> Eval.instruction()));
 *   interp.awaitThreads();
 *   System.out.println(interp.threadStats());
 * }
 * }</pre>
 *
 * <p>{@link #close()} waits a bounded time for threads, stops the rest, and reports leaks and live
 * threads in a {@link ShutdownReport}; it never hangs. Thread-safe.
 *
 * <h2>Free-threaded mode</h2>
 *
 * <p>{@code Builder.gilEnabled(false)} simulates CPython's free-threaded build (PEP 703, 3.13t):
 *
 * <ul>
 *   <li>No thread ever takes the GIL. Starting a thread, blocking calls, {@code Eval.saveThread} /
 *       {@code restoreThread}, {@code gilStateEnsure}, check points and drop requests do nothing
 *       GIL-related, and {@link PyThreadState#holdsGil()} is always false.
 *   <li>Touching an object does not check for the GIL. CPython's free-threaded build protects
 *       containers with per-object locks instead; this simulation leaves those out, so {@link
 *       PyList} and {@link PyDict} must not be changed by two threads at once.
 *   <li>Threads run bytecode in parallel in virtual time: each instruction is charged to its own
 *       thread's clock, so two CPU-bound threads finish in about half the time they take with the
 *       GIL. Bytecode does not reserve simulated cores (only {@code Work.cpu} and native calls do),
 *       so more running threads than cores is optimistic. To keep runs fast a thread may run up to
 *       20 instruction costs ahead of another's next event before it hands over (the virtual
 *       clock's lookahead); this coarsens the interleaving but not the clocks.
 *   <li>Reference counting is biased and the start-up objects are immortal: see {@link PyObject}.
 *       {@link #refcountStats()} counts each thread's non-atomic and atomic operations and merges,
 *       and the trace's JSON export carries them.
 * </ul>
 *
 * <p>The pyo3 and pythonnet simulations model the GIL build and expect the GIL on.
 */
public final class Interpreter implements AutoCloseable {

  private final InterpreterSettings settings;
  private final ClockEngine clock;
  private final Tracer tracer;
  private final Trace trace;
  private final EvalBreaker evalBreaker;
  private final GilLock gil;
  private final CheckedGil checkedGil;
  private final ParallelWorkCharger parallelWork;
  private final Heap heap = new Heap();
  private final PyNone none;
  private final PyBool pyTrue;
  private final PyBool pyFalse;
  private final PyLong[] smallInts;

  private final List<PyThreadState> threads = new ArrayList<>();
  private final AtomicLong nextThreadId = new AtomicLong(1);
  private final Mutex joinMutex;
  private final Cond joinCond;
  private ShutdownReport shutdownReport;

  private Interpreter(InterpreterSettings settings, ClockEngine clock) {
    this.settings = settings;
    this.clock = clock;
    this.trace =
        new Trace(
            settings.traceCapacity(),
            this::traceHeader,
            this::threadStats,
            settings.gilEnabled() ? null : this::refcountStats);
    this.tracer = new Tracer(trace);
    this.parallelWork =
        new ParallelWorkCharger(clock.isVirtual(), tracer, settings.helperTimeoutNanos());
    this.evalBreaker = new EvalBreaker(tracer);
    GilContext context =
        new GilContext(
            clock, evalBreaker, settings.switchIntervalNanos(), settings.forceSwitching(), tracer);
    this.gil =
        Objects.requireNonNull(
            settings.gilFactory().create(context), "the GIL factory returned null");
    this.checkedGil = new CheckedGil(gil, settings.gilEnabled(), tracer, parallelWork);
    this.joinMutex = clock.newMutex("threads.join_mutex");
    this.joinCond = clock.newCond("threads.join_cond", joinMutex);
    this.none = new PyNone(this);
    this.pyTrue = new PyBool(this, true);
    this.pyFalse = new PyBool(this, false);
    this.smallInts = new PyLong[(int) (PyLong.SMALL_MAX - PyLong.SMALL_MIN + 1)];
    for (int i = 0; i < smallInts.length; i++) {
      smallInts[i] = new PyLong(this, PyLong.SMALL_MIN + i);
    }
  }

  /**
   * Runs {@code body}, telling {@code observer} of every interpreter built inside it: on the
   * calling thread, or on a thread started from it while {@code body} runs (a JShell snippet, a
   * Python thread). Tools use it: {@code gilbook run} prints a GIL summary of each interpreter a
   * learner's file builds. Two scopes on unrelated threads never see each other's interpreters, and
   * a scope sees nothing once {@code body} has returned; see the notes in {@code BuildObservers}.
   * {@code observer} may be called from several threads at once.
   */
  public static void observeBuilds(Consumer<Interpreter> observer, Runnable body) {
    BuildObservers.observe(observer, body);
  }

  /** A builder with CPython's defaults: 5 ms interval, forced switching, 3.10+ check points. */
  public static Builder builder() {
    return new Builder();
  }

  // ---------------------------------------------------------------- threads

  /** Starts a Python thread that runs {@code body}, like {@code threading.Thread(...).start()}. */
  public PyThread start(String name, Runnable body) {
    return startThread(name, body, false);
  }

  /**
   * Starts a native thread: one the extension or the embedding program created (a Rust or C#
   * thread), registered with the interpreter but not holding the GIL. It must take the GIL before
   * touching Python objects ({@code PyGILState_Ensure}, PyO3's {@code Python::with_gil},
   * pythonnet's {@code Py.GIL()}).
   */
  public PyThread startNative(String name, Runnable body) {
    return startThread(name, body, false, false);
  }

  /** Starts a daemon thread: the end of the run does not wait for it. */
  public PyThread startDaemon(String name, Runnable body) {
    return startThread(name, body, true);
  }

  private PyThread startThread(String name, Runnable body, boolean daemon) {
    return startThread(name, body, daemon, true);
  }

  private PyThread startThread(String name, Runnable body, boolean daemon, boolean python) {
    Objects.requireNonNull(name, "name must not be null");
    Objects.requireNonNull(body, "body must not be null");
    if (shutdownReport != null) {
      throw new IllegalStateException(
          "the interpreter is shut down; build a new one to start thread " + name);
    }
    PyThreadState parent = PyThreadState.getOrNull();
    if (parent != null && parent.interp == this) {
      if (HelperThreads.inParallelWork(parent)) {
        throw HelperThreads.pythonInParallelWork(parent, null, "started Python thread " + name);
      }
      parallelWork.settle(parent); // the new thread starts at the parent's time
    }
    PyThreadState ts = new PyThreadState(this, nextThreadId.getAndIncrement(), name, daemon);
    synchronized (threads) {
      threads.add(ts);
    }
    ts.clock =
        clock.startThread(
            name,
            daemon,
            new PythonThreads.Family(ts, settings.cores(), ts::helperStarted),
            handle -> {
              ts.clock = handle;
              threadMain(ts, body, python);
            });
    return new PyThread(ts);
  }

  /**
   * Runs {@code main} as the main thread, then waits for every non-daemon thread, as CPython does
   * before it exits. An exception that escapes {@code main} is rethrown here.
   *
   * @throws DeadlockError if no thread could make progress
   * @throws TimeLimitError if a thread's virtual clock passed the time limit
   */
  public void run(Runnable main) {
    PyThread mainThread = start("MainThread", main);
    awaitThreads();
    Throwable failure = mainThread.state().uncaught;
    if (failure instanceof RuntimeException e) {
      throw e;
    }
    if (failure instanceof Error e) {
      throw e;
    }
    if (failure != null) {
      throw new IllegalStateException("the main thread failed", failure);
    }
  }

  /**
   * Runs the simulation until every non-daemon thread has finished. Call it from outside the
   * simulation (not from a Python thread).
   *
   * @throws DeadlockError if no thread could make progress; the message names each thread and what
   *     it waits for
   * @throws TimeLimitError if a thread's virtual clock passed the time limit, or real time passed
   *     the real-time limit
   */
  public void awaitThreads() {
    RunEnd end = clock.awaitThreads(settings.realTimeLimitNanos());
    switch (end.kind()) {
      case FINISHED -> {}
      case DEADLOCK -> throw new DeadlockError(end.report());
      case TIME_LIMIT, TIMED_OUT -> throw new TimeLimitError(end.report());
    }
  }

  private void threadMain(PyThreadState ts, Runnable body, boolean python) {
    PyThreadState.bind(ts);
    HelperThreads.bind(ts);
    try {
      clock.enter(ts.clock);
      tracer.threadStart(ts);
      if (python && settings.gilEnabled()) {
        checkedGil.takeGil(ts); // a Python thread runs bytecode from its first instruction
      }
      try {
        try {
          body.run();
        } finally {
          parallelWork.finish(ts);
        }
      } catch (ThreadKilled killed) {
        throw killed;
      } catch (Throwable t) {
        ts.uncaught = t;
        tracer.exception(ts, t);
        if (!"MainThread".equals(ts.name)) {
          settings.stderr().println("Exception in thread " + ts.name + ":");
          t.printStackTrace(settings.stderr());
        }
      }
      if (ts.holdsGil) {
        checkedGil.dropGil(ts, "exit");
      }
      if (!settings.gilEnabled()) {
        ts.brcRemoveThread();
      }
      joinMutex.lock();
      try {
        ts.finished = true;
        joinCond.broadcast();
      } finally {
        joinMutex.unlock();
      }
      tracer.threadExit(ts);
    } catch (ThreadKilled killed) {
      if (ts.uncaught == null && killed.getMessage().contains("time limit")) {
        ts.uncaught = killed;
      }
    } finally {
      ts.finished = true;
      PyThreadState.bind(null);
      HelperThreads.bind(null);
      clock.exit(ts.clock);
    }
  }

  /** Blocks the calling Python thread until {@code target} ends, releasing the GIL meanwhile. */
  void join(PyThreadState self, PyThreadState target) {
    if (self == target) {
      throw new PyException("RuntimeError", "cannot join current thread");
    }
    blocking(
        self,
        "join " + target.name,
        () -> {
          joinMutex.lock();
          try {
            while (!target.finished) {
              joinCond.await();
            }
          } finally {
            joinMutex.unlock();
          }
        });
  }

  // ---------------------------------------------------------------- PyGILState and blocking calls

  /**
   * {@code PyGILState_Ensure} for the calling thread: takes the GIL unless it holds it already.
   *
   * @return whether it took the GIL (pass it to {@link #gilStateRelease(boolean)})
   */
  public boolean gilStateEnsure() {
    PyThreadState ts = PyThreadState.get();
    if (ts.interp != this) {
      throw new GilStateError(
          "thread " + ts.name + " belongs to another interpreter and cannot take this one's GIL");
    }
    if (ts.holdsGil || !settings.gilEnabled()) {
      return false;
    }
    checkedGil.takeGil(ts);
    return true;
  }

  /** {@code PyGILState_Release}: drops the GIL if {@link #gilStateEnsure()} took it. */
  public void gilStateRelease(boolean taken) {
    PyThreadState ts = PyThreadState.get();
    if (taken) {
      checkedGil.dropGil(ts, "gil state release");
    }
  }

  /** Blocking work: releases the GIL (if held) around {@code wait}, like Py_BEGIN_ALLOW_THREADS. */
  void blocking(PyThreadState ts, String cause, Runnable wait) {
    if (HelperThreads.inParallelWork(ts)) {
      throw HelperThreads.pythonInParallelWork(ts, null, "blocked on " + cause);
    }
    parallelWork.settle(ts);
    boolean held = ts.holdsGil;
    if (held) {
      checkedGil.dropGil(ts, cause);
    }
    long since = ts.now();
    ts.clock.waitingFor(cause, false);
    try {
      wait.run();
    } finally {
      ts.clock.waitingFor(null, false);
    }
    tracer.blocked(ts, cause, since);
    if (held) {
      checkedGil.takeGil(ts);
    }
  }

  /** How long a blocking call of {@code nanos} really blocks: at least one system call. */
  long blockingNanos(long nanos) {
    return clock.isVirtual() ? Math.max(nanos, settings.syscallNanos()) : nanos;
  }

  /**
   * {@code Work.cpu} on a Python thread: a computation, or in virtual time a share of its parallel
   * work if it runs inside a piece of that (see {@link HelperThreads}).
   */
  void work(PyThreadState ts, long nanos) {
    if (clock.isVirtual() && HelperThreads.inParallelWork(ts)) {
      ts.parallel.addCpu(nanos);
      return;
    }
    cpu(ts, "Work.cpu", nanos, false);
  }

  /** {@code Work.sleep} or {@code Work.io} on a Python thread, like {@link #work}. */
  void sleep(PyThreadState ts, String cause, long nanos) {
    long n = blockingNanos(nanos);
    if (HelperThreads.inParallelWork(ts)) {
      if (clock.isVirtual()) {
        ts.parallel.addBlocked(n);
      } else {
        ts.clock.sleep(n); // real time: the GIL stays as it is, as for any helper
      }
      return;
    }
    blocking(ts, cause, () -> ts.clock.sleep(n));
  }

  /** Computation: occupies a core; releases the GIL around it if asked and held. */
  void cpu(PyThreadState ts, String what, long nanos, boolean releaseGil) {
    parallelWork.settle(ts);
    boolean release = releaseGil && ts.holdsGil;
    if (release) {
      checkedGil.dropGil(ts, what);
    }
    boolean withGil = ts.holdsGil;
    long began = ts.clock.cpu(nanos);
    tracer.cpu(ts, what, withGil, began);
    if (release) {
      checkedGil.takeGil(ts);
    }
  }

  // ---------------------------------------------------------------- detached sections

  /**
   * {@code restoreThread}: ends {@code ts}'s innermost detached section (waits for the threads
   * started in it, for its pool's tasks, and charges their work), takes the GIL, and then raises
   * what a helper of the section raised, or the section's own failure.
   */
  void restoreThread(PyThreadState ts) {
    RuntimeException failure = parallelWork.closeSection(ts);
    checkedGil.takeGil(ts);
    if (failure != null) {
      throw failure;
    }
  }

  // ---------------------------------------------------------------- reading the run

  /** The trace of every GIL event so far. */
  public Trace trace() {
    return trace;
  }

  /**
   * Statistics of every thread started so far, in start order. A hold or a wait still open counts
   * up to the latest time any thread has reached, as the timeline draws it: in virtual time a
   * parked thread's clock stops where it parked, so its own now would undercount.
   */
  public List<ThreadStats> threadStats() {
    List<PyThreadState> states = threadStates();
    long end = latestTime(states);
    List<ThreadStats> out = new ArrayList<>();
    for (PyThreadState ts : states) {
      out.add(ts.stats(end));
    }
    return out;
  }

  private static long latestTime(List<PyThreadState> states) {
    long end = 0;
    for (PyThreadState ts : states) {
      end = Math.max(end, ts.ended >= 0 ? ts.ended : ts.now());
    }
    return end;
  }

  /**
   * Statistics of the thread named {@code name}.
   *
   * @throws IllegalArgumentException if no thread has that name
   */
  public ThreadStats threadStats(String name) {
    List<PyThreadState> states = threadStates();
    for (PyThreadState ts : states) {
      if (ts.name.equals(name)) {
        return ts.stats(latestTime(states));
      }
    }
    throw new IllegalArgumentException("no thread named '" + name + "' in this interpreter");
  }

  /**
   * Reference-counting statistics of every thread started so far, in start order: non-atomic and
   * atomic operations and merges (free-threaded mode; all zero with the GIL on).
   */
  public List<RefcountStats> refcountStats() {
    List<RefcountStats> out = new ArrayList<>();
    for (PyThreadState ts : threadStates()) {
      out.add(ts.refcountStats());
    }
    return out;
  }

  /**
   * Reference-counting statistics of the thread named {@code name}.
   *
   * @throws IllegalArgumentException if no thread has that name
   */
  public RefcountStats refcountStats(String name) {
    for (PyThreadState ts : threadStates()) {
      if (ts.name.equals(name)) {
        return ts.refcountStats();
      }
    }
    throw new IllegalArgumentException("no thread named '" + name + "' in this interpreter");
  }

  /** The exceptions that escaped threads' bodies, by thread name, in start order. */
  public Map<String, Throwable> threadExceptions() {
    Map<String, Throwable> out = new LinkedHashMap<>();
    for (PyThreadState ts : threadStates()) {
      if (ts.uncaught != null) {
        out.put(ts.name, ts.uncaught);
      }
    }
    return out;
  }

  private List<PyThreadState> threadStates() {
    synchronized (threads) {
      return List.copyOf(threads);
    }
  }

  /**
   * How many times a thread took the GIL while another held it. Always 0 for the runtime's {@link
   * Gil}; a learner's {@link GilLock} is checked with it.
   */
  public long exclusionViolations() {
    return checkedGil.exclusionViolations();
  }

  /** The first mutual-exclusion violation in words, or {@code null}. */
  public String firstExclusionViolation() {
    return checkedGil.firstViolation();
  }

  /** How many objects are alive right now, not counting those made at start-up. */
  public long liveObjects() {
    return heap.liveCount();
  }

  /** Adds a listener that hears every trace event from now on. */
  public void addListener(GilListener listener) {
    tracer.addListener(Objects.requireNonNull(listener, "listener must not be null"));
  }

  /** Removes a listener added earlier. */
  public void removeListener(GilListener listener) {
    tracer.removeListener(listener);
  }

  public GilLock gil() {
    return gil;
  }

  public EvalBreaker evalBreaker() {
    return evalBreaker;
  }

  public EvalBreakerPolicy evalBreakerPolicy() {
    return settings.policy();
  }

  public Clock clock() {
    return clock;
  }

  /** Whether this interpreter has a GIL; false in free-threaded mode (PEP 703). */
  public boolean gilEnabled() {
    return settings.gilEnabled();
  }

  public boolean forceSwitching() {
    return settings.forceSwitching();
  }

  public int cores() {
    return settings.cores();
  }

  /** The current switch interval ({@code sys.getswitchinterval}). */
  public Duration switchInterval() {
    return Duration.ofNanos(gil.interval());
  }

  /** Changes the switch interval ({@code sys.setswitchinterval}); takes effect at the next wait. */
  public void setSwitchInterval(Duration interval) {
    gil.setInterval(InterpreterSettings.checkSwitchInterval(interval));
  }

  private Map<String, Object> traceHeader() {
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("format", "gilbook-trace/1");
    h.put("clock", clock.isVirtual() ? "virtual" : "real");
    if (clock instanceof VirtualClock v) {
      h.put("seed", v.seed());
    }
    h.put("switchIntervalNs", gil.interval());
    h.put("forceSwitching", settings.forceSwitching());
    h.put("evalBreakerPolicy", settings.policy().name());
    h.put("cores", settings.cores());
    h.put("instructionCostNs", settings.instructionCostNanos());
    h.put("switchNumber", gil.switchNumber());
    if (!settings.gilEnabled()) {
      RefcountStats all = RefcountStats.total("all", refcountStats());
      h.put("gilEnabled", false);
      h.put("refcountNonAtomicOps", all.nonAtomic());
      h.put("refcountAtomicOps", all.atomic());
      h.put("refcountMerges", all.merges());
      h.put("refcountQueued", all.queued());
      h.put("refcountImmortalOps", all.immortal());
    }
    return h;
  }

  // ---------------------------------------------------------------- internals for objects

  CheckedGil checkedGil() {
    return checkedGil;
  }

  ParallelWorkCharger parallelWork() {
    return parallelWork;
  }

  Heap heap() {
    return heap;
  }

  Tracer tracer() {
    return tracer;
  }

  PyNone none() {
    return none;
  }

  PyBool bool(boolean value) {
    return value ? pyTrue : pyFalse;
  }

  PyLong smallInt(long value) {
    return smallInts[(int) (value - PyLong.SMALL_MIN)];
  }

  // ---------------------------------------------------------------- shutdown

  /**
   * Shuts the interpreter down: waits (at most the shutdown timeout) for non-daemon threads, stops
   * every thread still alive, and reports leaks and live threads. Calling it again returns the same
   * report. Never hangs.
   *
   * @throws IllegalStateException if called from a Python thread of this interpreter
   */
  public synchronized ShutdownReport shutdown() {
    if (shutdownReport != null) {
      return shutdownReport;
    }
    PyThreadState caller = PyThreadState.getOrNull();
    if (caller != null && caller.interp == this) {
      throw new IllegalStateException(
          "thread " + caller.name + " cannot shut down its own interpreter");
    }
    RunEnd end = clock.awaitThreads(settings.shutdownTimeoutNanos());
    List<String> live = clock.describeLiveThreads();
    clock.kill();
    List<ShutdownReport.Leak> leaks = LeakFinder.find(heap);
    List<String> failures = new ArrayList<>();
    threadExceptions().forEach((name, t) -> failures.add(name + ": " + t));
    String endReport = end.kind() == RunEnd.Kind.FINISHED ? "" : end.report();
    shutdownReport = new ShutdownReport(leaks, live, endReport, failures);
    return shutdownReport;
  }

  /** Same as {@link #shutdown()}; the report stays available from it. */
  @Override
  public void close() {
    shutdown();
  }

  // ---------------------------------------------------------------- builder

  /**
   * Settings for a new {@link Interpreter}. Every setter checks its argument at once, and {@link
   * #build()} checks them together; a bad value fails with a message that names the setting and the
   * allowed range. {@link #build()} changes nothing here: building twice gives two independent
   * interpreters with the same settings. Not thread-safe.
   */
  public static final class Builder {
    // The settings, their defaults and checks live in InterpreterSettingsBuilder; this class is
    // the name learners write, with the documentation they read.
    private final InterpreterSettingsBuilder state = new InterpreterSettingsBuilder();

    private Builder() {}

    /** The switch interval, like {@code sys.setswitchinterval}. Default 5 ms; (0, 1 h]. */
    public Builder switchInterval(Duration interval) {
      state.switchInterval(interval);
      return this;
    }

    /** Whether a thread that drops the GIL on request waits until another takes it. Default on. */
    public Builder forceSwitching(boolean on) {
      state.forceSwitching(on);
      return this;
    }

    /**
     * Where threads check the eval breaker. Default {@link EvalBreakerPolicy#BACK_EDGES_AND_CALLS}.
     */
    public Builder evalBreakerPolicy(EvalBreakerPolicy policy) {
      state.evalBreakerPolicy(policy);
      return this;
    }

    /**
     * The clock: {@link Clock#virtual(long)} (the default, seed 0) or {@link Clock#real()}. A clock
     * serves one interpreter: the first {@link #build()} runs on this one, and each later build of
     * this builder on a fresh clock of the same kind and seed.
     */
    public Builder clock(Clock clock) {
      state.clock(clock);
      return this;
    }

    /** How many cores the virtual clock simulates. Default 2; 1 to 1024. */
    public Builder cores(int cores) {
      state.cores(cores);
      return this;
    }

    /** Virtual time one instruction costs. Default 50 ns; 1 ns to 1 ms. */
    public Builder instructionCost(Duration cost) {
      state.instructionCost(cost);
      return this;
    }

    /**
     * Spread of instruction costs in virtual time, as a fraction: each instruction costs the base
     * cost times a seeded random factor in [1 - jitter, 1 + jitter]. Different seeds then switch
     * threads at different instructions. Default 0; 0 to 0.9.
     */
    public Builder jitter(double jitter) {
      state.jitter(jitter);
      return this;
    }

    /** Ends a virtual run when any thread's clock passes this. Default: no limit. */
    public Builder timeLimit(Duration limit) {
      state.timeLimit(limit);
      return this;
    }

    /** Real time {@link Interpreter#awaitThreads()} waits before giving up. Default: no limit. */
    public Builder realTimeLimit(Duration limit) {
      state.realTimeLimit(limit);
      return this;
    }

    /**
     * Real time {@link Interpreter#close()} waits for threads before stopping them. Default 2 s.
     */
    public Builder shutdownTimeout(Duration timeout) {
      state.shutdownTimeout(timeout);
      return this;
    }

    /**
     * The shortest time a blocking call takes in virtual time. A {@code time.sleep(0)}, or I/O that
     * is ready at once, still enters the kernel; on Linux that costs about 50 us of timer slack,
     * long enough for a thread waiting for the GIL to take it. This is why an I/O thread beside a
     * CPU-bound one pays a whole interval per call. Default 50 us; 0 to 10 ms. Real time needs no
     * setting: the kernel does it.
     */
    public Builder syscallLatency(Duration latency) {
      state.syscallLatency(latency);
      return this;
    }

    /**
     * How long, in real time, the end of a detached section waits for the threads started inside it
     * (a section is a scope: see {@code HelperThreads}) before it fails with a {@link
     * HelperThreadError} naming the one still running. Default 2 s; 0 to 1 minute.
     */
    public Builder helperThreadTimeout(Duration timeout) {
      state.helperThreadTimeout(timeout);
      return this;
    }

    /** The most events the trace keeps. Default 1,000,000; 0 to 50,000,000. */
    public Builder traceCapacity(int events) {
      state.traceCapacity(events);
      return this;
    }

    /** Replaces the GIL implementation, for example with a learner's own. Default {@link Gil}. */
    public Builder gil(GilLock.Factory factory) {
      state.gil(factory);
      return this;
    }

    /**
     * Whether the interpreter has a GIL. Default true, CPython's default build. False simulates the
     * free-threaded build (PEP 703): no GIL, threads run bytecode in parallel, biased reference
     * counting and immortal objects. See {@link Interpreter} for what changes.
     */
    public Builder gilEnabled(boolean enabled) {
      state.gilEnabled(enabled);
      return this;
    }

    /** Where uncaught exceptions of non-main threads are printed. Default {@code System.err}. */
    public Builder stderr(PrintStream stream) {
      state.stderr(stream);
      return this;
    }

    /**
     * Checks the settings and builds the interpreter. Changes nothing in this builder.
     *
     * @throws IllegalArgumentException naming every bad setting and its allowed range
     * @throws IllegalStateException if the clock already serves an interpreter of another builder
     */
    public Interpreter build() {
      InterpreterSettings settings = state.settings();
      Interpreter interp = new Interpreter(settings, settings.bindClock(state));
      BuildObservers.built(interp);
      return interp;
    }
  }
}

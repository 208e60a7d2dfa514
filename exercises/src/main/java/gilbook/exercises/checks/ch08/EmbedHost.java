package gilbook.exercises.checks.ch08;

import gilbook.exercises.contract.EmbedWithWorkers;
import gilbook.exercises.contract.ShutdownFromAnotherThread;
import gilbook.runtime.Clock;
import gilbook.runtime.Cond;
import gilbook.runtime.DeadlockError;
import gilbook.runtime.Interpreter;
import gilbook.runtime.Mutex;
import gilbook.runtime.PyList;
import gilbook.runtime.PyLong;
import gilbook.runtime.PyObject;
import gilbook.runtime.PyThreadState;
import gilbook.runtime.ShutdownReport;
import gilbook.runtime.ThreadStats;
import gilbook.runtime.TimeLimitError;
import gilbook.runtime.Work;
import gilbook.runtime.pythonnet.PythonEngine;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Runs the learner's host program the way a .NET process runs its {@code Main}: on a native thread
 * named {@code Main} that holds no GIL, with the workers, items, work and thread start-up delays of
 * one {@link EmbedPlan}. The grader owns one thing: the results list, made before the learner's
 * code runs and read and freed after it returns.
 *
 * <p>{@link #joinWorkers()} is C#'s {@code Thread.Join}: a wait on a mutex and a condition variable
 * that keeps the GIL if the caller holds it, unlike Python's {@code Thread.join}. {@link #exit()}
 * waits the same way for the exit handlers, which it runs on a thread of their own ({@value
 * #EXIT_HANDLER}), after the run's exit delay.
 *
 * <p>Besides the interpreter's trace and statistics, a run records who appended what ({@link
 * AppendLedger}) and who waits for the GIL in which call ({@link GilLog}). Virtual time, four
 * cores: the same plan always gives the same run. Not thread-safe.
 */
final class EmbedHost implements ShutdownFromAnotherThread.Host {
  /** The thread {@link #exit()} runs the exit handlers on. */
  static final String EXIT_HANDLER = "ExitHandler";

  /** How far a run may go in virtual time: far beyond any plan's work and start-up delays. */
  static final Duration TIME_LIMIT = Duration.ofSeconds(2);

  /**
   * What a run left behind.
   *
   * @param plan the run's inputs
   * @param threads the threads {@code host.startWorker} started, in start order
   * @param stats Main's and each started thread's GIL statistics
   * @param appended what each thread appended to the list, from {@link AppendLedger}
   * @param finalValues the ints in the list when main returned, or {@code null} if it never did or
   *     the list could not be read
   * @param stall why the run stopped early, or {@code null} when every thread finished
   * @param engineStopped whether the engine was shut down when main returned
   * @param exceptions what escaped a thread's body, by thread
   * @param end the interpreter's shutdown report
   * @param exit what the exit handler thread saw, or {@code null} if {@code host.exit()} was never
   *     called
   * @param mainReleased whether Main released the GIL with BeginAllowThreads once the learner's
   *     code ran
   * @param mainTookBackWith every call with which Main took the GIL back after that ({@link
   *     GilLog#mainTookBackWithAny()})
   * @param shutdownFoundHolder who held the GIL when each thread's Shutdown asked for it ({@link
   *     GilLog#shutdownFoundHolder()})
   */
  record Outcome(
      EmbedPlan plan,
      List<String> threads,
      Map<String, ThreadStats> stats,
      Map<String, List<AppendLedger.Item>> appended,
      List<Long> finalValues,
      Stall stall,
      boolean engineStopped,
      Map<String, Throwable> exceptions,
      ShutdownReport end,
      ExitRun exit,
      boolean mainReleased,
      List<String> mainTookBackWith,
      Map<String, String> shutdownFoundHolder) {
    boolean finished() {
      return stall == null;
    }
  }

  /**
   * What the exit handler thread saw.
   *
   * @param handlers how many exit handlers it ran
   * @param runningBefore whether the engine was running when the handlers started
   * @param runningAfter whether it was still running when they were done (or one raised)
   * @param done whether the handlers returned or raised (not stopped by a deadlock)
   */
  record ExitRun(int handlers, boolean runningBefore, boolean runningAfter, boolean done) {}

  private final Interpreter interp;
  private final EmbedPlan plan;
  private final AppendLedger ledger;
  private final Mutex mutex;
  private final Cond cond;
  private final List<String> names = new ArrayList<>();
  private final Set<String> finished = new LinkedHashSet<>();
  private final Set<String> joining = new LinkedHashSet<>();
  private final Set<String> exiting = new LinkedHashSet<>();
  private final List<Runnable> exitHandlers = new ArrayList<>();
  private final long exitDelay;
  private int started;
  private int done;
  private boolean exitCalled;
  private boolean exitDone;
  private boolean exitFinished;
  private int exitHandlersRun;
  private boolean runningBeforeExit;
  private boolean runningAfterExit;

  private EmbedHost(Interpreter interp, EmbedPlan plan, long exitDelay, AppendLedger ledger) {
    this.interp = interp;
    this.plan = plan;
    this.exitDelay = exitDelay;
    this.ledger = ledger;
    this.mutex = interp.clock().newMutex("Thread.Join");
    this.cond = interp.clock().newCond("Thread.Join", mutex);
  }

  @Override
  public Interpreter interp() {
    return interp;
  }

  @Override
  public void startWorker(Runnable body) {
    ledger.observe();
    int k = started;
    String name = "Worker-" + k;
    names.add(name);
    mutex.lock();
    started++;
    mutex.unlock();
    long delay = plan.startDelay(k);
    interp.startNative(
        name,
        () -> {
          try {
            if (delay > 0) {
              Work.sleep(Duration.ofNanos(delay)); // the thread's start-up, before its body
            }
            body.run();
          } catch (RuntimeException e) {
            finish(name);
            throw e;
          }
          finish(name);
        });
  }

  private void finish(String name) {
    mutex.lock();
    done++;
    finished.add(name);
    cond.broadcast();
    mutex.unlock();
  }

  @Override
  public void joinWorkers() {
    ledger.observe();
    String me = PyThreadState.get().name();
    joining.add(me);
    mutex.lock();
    while (done < started) {
      cond.await();
    }
    mutex.unlock();
    joining.remove(me);
  }

  @Override
  public void work() {
    ledger.observe();
    Work.cpu(plan.work());
  }

  @Override
  public void onExit(Runnable handler) {
    Objects.requireNonNull(handler, "handler must not be null");
    ledger.observe();
    exitHandlers.add(handler);
  }

  @Override
  public void exit() {
    ledger.observe();
    if (exitCalled) {
      return;
    }
    exitCalled = true;
    List<Runnable> handlers = List.copyOf(exitHandlers);
    interp.startNative(
        EXIT_HANDLER,
        () -> {
          if (exitDelay > 0) {
            Work.sleep(Duration.ofNanos(exitDelay)); // the exit event reaches its thread
          }
          runningBeforeExit = PythonEngine.isInitialized();
          try {
            for (Runnable handler : handlers) {
              exitHandlersRun++;
              handler.run();
            }
          } catch (RuntimeException e) {
            finishExit();
            throw e;
          }
          // Not after an Error: that is how the runtime stops a stuck thread.
          finishExit();
        });
    String me = PyThreadState.get().name();
    exiting.add(me);
    mutex.lock();
    while (!exitDone) {
      cond.await();
    }
    mutex.unlock();
    exiting.remove(me);
  }

  private void finishExit() {
    runningAfterExit = PythonEngine.isInitialized();
    exitFinished = true;
    mutex.lock();
    exitDone = true;
    cond.broadcast();
    mutex.unlock();
  }

  /** Runs the learner's {@code main} once with {@code plan}'s inputs. */
  static Outcome run(EmbedWithWorkers learner, EmbedPlan plan) {
    return run(
        plan, 0, (host, results) -> learner.main(host, plan.workers(), plan.items(), results));
  }

  /** Runs the learner's {@code main} once with {@code plan}'s inputs and an exit handler. */
  static Outcome run(ShutdownFromAnotherThread learner, EmbedPlan plan, long exitDelay) {
    return run(
        plan,
        exitDelay,
        (host, results) -> learner.main(host, plan.workers(), plan.items(), results));
  }

  private static Outcome run(EmbedPlan plan, long exitDelay, BiConsumer<EmbedHost, PyList> main) {
    Interpreter interp =
        Interpreter.builder()
            .clock(Clock.virtual(plan.clockSeed()))
            .cores(4)
            .stderr(new PrintStream(OutputStream.nullOutputStream()))
            .timeLimit(TIME_LIMIT)
            .build();
    AppendLedger ledger = new AppendLedger();
    GilLog gil = new GilLog();
    interp.addListener(ledger);
    interp.addListener(gil);
    EmbedHost host = new EmbedHost(interp, plan, exitDelay, ledger);
    List<Long> values = new ArrayList<>();
    boolean[] read = new boolean[1];
    boolean[] stopped = new boolean[1];
    interp.startNative(
        GilLog.MAIN,
        () -> {
          boolean taken = interp.gilStateEnsure();
          PyList results = PyList.empty();
          ledger.watch(results);
          interp.gilStateRelease(taken);
          gil.learnerStarts();
          try {
            main.accept(host, results);
          } catch (RuntimeException e) {
            gil.learnerEnds();
            readBack(interp, ledger, results, values, read, stopped);
            throw e;
          }
          gil.learnerEnds();
          // Not after an Error: that is how the runtime stops a stuck thread, and a stopped run
          // has nothing left to read back.
          readBack(interp, ledger, results, values, read, stopped);
        });
    Stall stall = null;
    Map<String, ThreadStats> stats = new LinkedHashMap<>();
    Map<String, Throwable> exceptions = new LinkedHashMap<>();
    try {
      interp.awaitThreads();
    } catch (DeadlockError | TimeLimitError e) {
      stall =
          new Stall(
              e instanceof TimeLimitError,
              e.getMessage() == null ? e.toString() : e.getMessage(),
              gil.holder().orElse(null),
              gil.waiting(),
              List.copyOf(host.joining),
              List.copyOf(host.exiting),
              host.allThreads(),
              host.finishedThreads(),
              List.copyOf(escaped(interp).keySet()),
              gil.mainReleased(),
              gil.mainTookBackWith());
    } finally {
      for (ThreadStats s : interp.threadStats()) {
        stats.put(s.name(), s);
      }
      exceptions.putAll(escaped(interp));
      interp.close();
    }
    return new Outcome(
        plan,
        List.copyOf(host.names),
        stats,
        ledger.byThread(),
        read[0] ? List.copyOf(values) : null,
        stall,
        stopped[0],
        exceptions,
        interp.shutdown(),
        host.exitCalled
            ? new ExitRun(
                host.exitHandlersRun,
                host.runningBeforeExit,
                host.runningAfterExit,
                host.exitFinished)
            : null,
        gil.mainReleased(),
        gil.mainTookBackWithAny(),
        gil.shutdownFoundHolder());
  }

  /** The started threads, the exit handler's last. */
  private List<String> allThreads() {
    List<String> all = new ArrayList<>(names);
    if (exitCalled) {
      all.add(EXIT_HANDLER);
    }
    return List.copyOf(all);
  }

  /** Those of them that finished. */
  private List<String> finishedThreads() {
    List<String> all = new ArrayList<>(finished);
    if (exitFinished) {
      all.add(EXIT_HANDLER);
    }
    return List.copyOf(all);
  }

  /** Main, after the learner's main: notes the engine's state, reads the list and frees it. */
  private static void readBack(
      Interpreter interp,
      AppendLedger ledger,
      PyList results,
      List<Long> values,
      boolean[] read,
      boolean[] stopped) {
    stopped[0] = !PythonEngine.isInitialized();
    boolean again = interp.gilStateEnsure();
    ledger.observe();
    if (!results.isFreed()) {
      for (PyObject item : results.itemsView()) {
        values.add(item instanceof PyLong n && !n.isFreed() ? n.asLong() : Long.MIN_VALUE);
      }
      read[0] = true;
      results.decref();
    }
    interp.gilStateRelease(again);
  }

  /** What escaped the threads' bodies, without the runtime's own stopping of stuck threads. */
  private static Map<String, Throwable> escaped(Interpreter interp) {
    Map<String, Throwable> out = new LinkedHashMap<>();
    interp
        .threadExceptions()
        .forEach(
            (name, t) -> {
              if (!t.getClass().getSimpleName().equals("ThreadKilled")) {
                out.put(name, t);
              }
            });
    return out;
  }
}

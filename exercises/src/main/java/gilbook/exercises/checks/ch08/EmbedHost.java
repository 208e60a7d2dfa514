package gilbook.exercises.checks.ch08;

import gilbook.exercises.contract.EmbedWithWorkers;
import gilbook.runtime.Clock;
import gilbook.runtime.Cond;
import gilbook.runtime.DeadlockError;
import gilbook.runtime.Interpreter;
import gilbook.runtime.Mutex;
import gilbook.runtime.PyList;
import gilbook.runtime.PyLong;
import gilbook.runtime.PyObject;
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
import java.util.List;
import java.util.Map;

/**
 * Runs the learner's host program the way a .NET process runs its {@code Main}: on a native thread
 * named {@code Main} that holds no GIL. The grader owns one thing: the results list, made before
 * the learner's code runs and read and freed after it returns.
 *
 * <p>{@link #joinWorkers()} is C#'s {@code Thread.Join}: a wait on a mutex and a condition variable
 * that keeps the GIL if the caller holds it, unlike Python's {@code Thread.join}.
 *
 * <p>Virtual time, four cores, seed 1: every run is the same. Not thread-safe.
 */
final class EmbedHost implements EmbedWithWorkers.Host {
  static final int WORKERS = 3;
  static final int ITEMS = 4;
  static final Duration HOST_WORK = Duration.ofMillis(20);

  /** What a run left behind. {@code results} is null when the list could not be read. */
  record Outcome(
      List<Long> results,
      String deadlock,
      Map<String, ThreadStats> workers,
      boolean engineStopped,
      Map<String, Throwable> exceptions,
      ShutdownReport end) {
    boolean finished() {
      return deadlock.isEmpty();
    }

    /** The longest any worker waited for the GIL, in nanoseconds. */
    long longestWait() {
      return workers.values().stream().mapToLong(ThreadStats::waited).max().orElse(0);
    }
  }

  private final Interpreter interp;
  private final Mutex mutex;
  private final Cond cond;
  private final List<String> names = new ArrayList<>();
  private int started;
  private int done;

  private EmbedHost(Interpreter interp) {
    this.interp = interp;
    this.mutex = interp.clock().newMutex("Thread.Join");
    this.cond = interp.clock().newCond("Thread.Join", mutex);
  }

  @Override
  public Interpreter interp() {
    return interp;
  }

  @Override
  public void startWorker(Runnable body) {
    String name = "Worker-" + started;
    names.add(name);
    mutex.lock();
    started++;
    mutex.unlock();
    interp.startNative(
        name,
        () -> {
          try {
            body.run();
          } catch (RuntimeException e) {
            finish();
            throw e;
          }
          finish();
        });
  }

  private void finish() {
    mutex.lock();
    done++;
    cond.broadcast();
    mutex.unlock();
  }

  @Override
  public void joinWorkers() {
    mutex.lock();
    while (done < started) {
      cond.await();
    }
    mutex.unlock();
  }

  @Override
  public void work() {
    Work.cpu(HOST_WORK);
  }

  /** Runs the learner's {@code main} with {@link #WORKERS} workers of {@link #ITEMS} items. */
  static Outcome run(EmbedWithWorkers learner) {
    Interpreter interp =
        Interpreter.builder()
            .clock(Clock.virtual(1))
            .cores(4)
            .stderr(new PrintStream(OutputStream.nullOutputStream()))
            .timeLimit(Duration.ofSeconds(600))
            .build();
    EmbedHost host = new EmbedHost(interp);
    List<Long> values = new ArrayList<>();
    boolean[] read = new boolean[1];
    boolean[] stopped = new boolean[1];
    interp.startNative(
        "Main",
        () -> {
          boolean taken = interp.gilStateEnsure();
          PyList results = PyList.empty();
          interp.gilStateRelease(taken);
          try {
            learner.main(host, WORKERS, ITEMS, results);
          } finally {
            stopped[0] = !PythonEngine.isInitialized();
            boolean again = interp.gilStateEnsure();
            for (int i = 0; i < results.size(); i++) {
              PyObject item = results.getItem(i);
              values.add(item instanceof PyLong n ? n.asLong() : Long.MIN_VALUE);
            }
            read[0] = true;
            results.decref();
            interp.gilStateRelease(again);
          }
        });
    String deadlock = "";
    Map<String, ThreadStats> workers = new LinkedHashMap<>();
    Map<String, Throwable> exceptions;
    try {
      interp.awaitThreads();
    } catch (DeadlockError | TimeLimitError e) {
      deadlock = e.getMessage() == null ? e.toString() : e.getMessage();
    } finally {
      for (String name : host.names) {
        workers.put(name, interp.threadStats(name));
      }
      exceptions = new LinkedHashMap<>(interp.threadExceptions());
      interp.close();
    }
    return new Outcome(
        read[0] ? values : null, deadlock, workers, stopped[0], exceptions, interp.shutdown());
  }
}

package gilbook.exercises.checks.ch07;

import gilbook.exercises.grading.Scenario;
import gilbook.runtime.GilListener;
import gilbook.runtime.PyException;
import gilbook.runtime.PyList;
import gilbook.runtime.PyLong;
import gilbook.runtime.PyObject;
import gilbook.runtime.PyThread;
import gilbook.runtime.ShutdownReport;
import gilbook.runtime.ThreadStats;
import gilbook.runtime.pyo3.Bound;
import gilbook.runtime.pyo3.Python;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Runs the learner's extension function the way Python calls a {@code #[pyfunction]}: the main
 * thread builds a list of ints and starts a Python thread, {@code extension}, that calls the
 * function with its token and a {@code Bound} to the list, as {@code
 * threading.Thread(target=ext.update_in_place, args=(numbers,))} would. Meanwhile other Python
 * threads may run, each given the same list and the extension's {@link Progress}. A Python thread,
 * not a native one, because a {@code #[pyfunction]} always starts on a thread that holds the GIL:
 * only what the function does with it is the learner's.
 *
 * <p>A Python exception the function raises is caught on the extension thread and kept in the
 * {@link Outcome}, so each check can say in its own words when it was raised. Other failures (a
 * {@code GilNotHeldError}, a dangling pointer) fail the check through {@link Scenario}.
 *
 * <p>Virtual time, two cores, clock seed 1: the same inputs give the same run. One interpreter per
 * {@link #run}. Not thread-safe.
 */
final class Extension {
  /** Name of the thread that calls the learner's function. */
  static final String THREAD = "extension";

  /** What a Python thread beside the extension does with the list. */
  @FunctionalInterface
  interface Beside {
    void run(PyList list, Progress progress);
  }

  /**
   * What a run left behind.
   *
   * @param before the list's ints before the call
   * @param after the list's ints afterwards ({@link Long#MIN_VALUE} for an item that is no int)
   * @param raised the Python exception the function raised, or {@code null}
   * @param calls how many computations ({@code Work.cpu} calls) the extension made
   * @param callsWithGil how many of them ran while the GIL was held
   */
  record Outcome(
      List<Long> before,
      List<Long> after,
      ThreadStats extension,
      Map<String, ThreadStats> others,
      ShutdownReport end,
      PyException raised,
      long calls,
      long callsWithGil) {
    /** Fraction of the extension thread's run spent holding the GIL. */
    double holdFraction() {
      long run = extension.ended() - extension.started();
      return run <= 0 ? 0 : (double) extension.held() / run;
    }

    /** Time the extension computed, with the GIL and without it. */
    long cpu() {
      return extension.cpuWithGil() + extension.ranWithoutGil();
    }
  }

  private final long[] numbers;
  private final Map<String, Beside> others = new LinkedHashMap<>();
  private final List<GilListener> listeners = new ArrayList<>();

  private Extension(long[] numbers) {
    this.numbers = numbers.clone();
  }

  /** A run whose list holds {@code numbers}. */
  static Extension on(long... numbers) {
    return new Extension(numbers);
  }

  /** Adds a Python thread that runs {@code body}, started right after the extension. */
  Extension with(String name, Beside body) {
    others.put(name, body);
    return this;
  }

  /** Adds a listener to the run's interpreter, such as a record of each thread's GIL waits. */
  Extension listening(GilListener listener) {
    listeners.add(listener);
    return this;
  }

  /**
   * Calls {@code call} on the extension thread; {@code call} receives the token and the list, and
   * may keep what it needs for its own checks (it runs with the GIL held after the learner
   * returns).
   */
  Outcome run(String what, BiConsumer<Python, Bound<PyList>> call) {
    List<Long> after = new ArrayList<>();
    Map<String, ThreadStats> stats = new LinkedHashMap<>();
    ThreadStats[] extension = new ThreadStats[1];
    PyException[] raised = new PyException[1];
    Set<String> notTheExtension = new HashSet<>(others.keySet());
    notTheExtension.add("MainThread");
    Progress progress = new Progress(notTheExtension);
    ShutdownReport end =
        Scenario.run(
            what,
            b -> b.cores(2),
            interp -> {
              interp.addListener(progress);
              listeners.forEach(interp::addListener);
              interp.run(
                  () -> {
                    PyList list = PyList.ofLongs(numbers);
                    PyThread thread =
                        interp.start(THREAD, () -> callLearner(call, list, progress, raised));
                    List<PyThread> started = new ArrayList<>();
                    others.forEach(
                        (name, body) ->
                            started.add(interp.start(name, () -> body.run(list, progress))));
                    thread.join();
                    started.forEach(PyThread::join);
                    if (thread.exception() != null) {
                      list.decref();
                      rethrow(thread.exception());
                    }
                    started.stream()
                        .filter(t -> t.exception() != null)
                        .findFirst()
                        .ifPresent(t -> rethrow(t.exception()));
                    for (int i = 0; i < list.size(); i++) {
                      PyObject item = list.getItem(i);
                      after.add(item instanceof PyLong n ? n.asLong() : Long.MIN_VALUE);
                    }
                    list.decref();
                    extension[0] = thread.stats();
                    started.forEach(t -> stats.put(t.name(), t.stats()));
                  });
            });
    List<Long> before = java.util.Arrays.stream(numbers).boxed().toList();
    return new Outcome(
        before,
        after,
        extension[0],
        stats,
        end,
        raised[0],
        progress.calls(),
        progress.callsWithGil());
  }

  private static void callLearner(
      BiConsumer<Python, Bound<PyList>> call,
      PyList list,
      Progress progress,
      PyException[] raised) {
    try {
      Python.runWithGil(
          py -> {
            Bound<PyList> bound = Bound.fromBorrowed(py, list);
            try {
              call.accept(py, bound);
            } catch (PyException e) {
              raised[0] = e;
            } finally {
              bound.close();
            }
          });
    } finally {
      progress.finish();
    }
  }

  private static void rethrow(Throwable t) {
    if (t instanceof RuntimeException e) {
      throw e;
    }
    if (t instanceof Error e) {
      throw e;
    }
    throw new IllegalStateException("the extension failed", t);
  }
}

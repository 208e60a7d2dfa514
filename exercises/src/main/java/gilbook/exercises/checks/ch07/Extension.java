package gilbook.exercises.checks.ch07;

import gilbook.exercises.grading.Scenario;
import gilbook.runtime.PyList;
import gilbook.runtime.PyLong;
import gilbook.runtime.PyObject;
import gilbook.runtime.ShutdownReport;
import gilbook.runtime.ThreadStats;
import gilbook.runtime.pyo3.Bound;
import gilbook.runtime.pyo3.Python;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Runs the learner's extension function the way Python calls a {@code #[pyfunction]}: the main
 * thread builds a list of ints and starts a Python thread, {@code extension}, that calls the
 * function with its token and a {@code Bound} to the list, as {@code
 * threading.Thread(target=ext.update_in_place, args=(numbers,))} would. Meanwhile other Python
 * threads may run, each given the same list. A Python thread, not a native one, because a {@code
 * #[pyfunction]} always starts on a thread that holds the GIL: only what the function does with it
 * is the learner's.
 *
 * <p>Virtual time, two cores, seed 1: every run is the same. Not thread-safe.
 */
final class Extension {
  /** Name of the thread that calls the learner's function. */
  static final String THREAD = "extension";

  /** What a run left behind: the list's ints afterwards, each thread's stats, the shutdown. */
  record Outcome(
      List<Long> after,
      ThreadStats extension,
      Map<String, ThreadStats> others,
      ShutdownReport end) {
    /** Fraction of the extension thread's run spent holding the GIL. */
    double holdFraction() {
      long run = extension.ended() - extension.started();
      return run <= 0 ? 0 : (double) extension.held() / run;
    }
  }

  private final long[] numbers;
  private final Map<String, Consumer<PyList>> others = new LinkedHashMap<>();

  private Extension(long[] numbers) {
    this.numbers = numbers.clone();
  }

  /** A run whose list holds {@code numbers}. */
  static Extension on(long... numbers) {
    return new Extension(numbers);
  }

  /** Adds a Python thread that runs {@code body} on the list, started after the extension. */
  Extension with(String name, Consumer<PyList> body) {
    others.put(name, body);
    return this;
  }

  /**
   * Calls {@code call} on the extension thread; {@code call} receives the token, the list, and may
   * keep what it needs for its own checks (it runs with the GIL held after the learner returns).
   */
  Outcome run(String what, BiConsumer<Python, Bound<PyList>> call) {
    List<Long> after = new ArrayList<>();
    Map<String, ThreadStats> stats = new LinkedHashMap<>();
    ThreadStats[] extension = new ThreadStats[1];
    ShutdownReport end =
        Scenario.run(
            what,
            b -> b.cores(2),
            interp ->
                interp.run(
                    () -> {
                      PyList list = PyList.ofLongs(numbers);
                      var thread =
                          interp.start(
                              THREAD,
                              () ->
                                  Python.runWithGil(
                                      py -> {
                                        Bound<PyList> bound = Bound.fromBorrowed(py, list);
                                        try {
                                          call.accept(py, bound);
                                        } finally {
                                          bound.close();
                                        }
                                      }));
                      List<gilbook.runtime.PyThread> started = new ArrayList<>();
                      others.forEach(
                          (name, body) -> started.add(interp.start(name, () -> body.accept(list))));
                      thread.join();
                      started.forEach(gilbook.runtime.PyThread::join);
                      if (thread.exception() != null) {
                        list.decref();
                        rethrow(thread.exception());
                      }
                      for (int i = 0; i < list.size(); i++) {
                        PyObject item = list.getItem(i);
                        after.add(item instanceof PyLong n ? n.asLong() : Long.MIN_VALUE);
                      }
                      list.decref();
                      extension[0] = thread.stats();
                      started.forEach(t -> stats.put(t.name(), t.stats()));
                    }));
    return new Outcome(after, extension[0], stats, end);
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

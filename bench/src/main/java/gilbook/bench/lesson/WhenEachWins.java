package gilbook.bench.lesson;

import gilbook.runtime.Clock;
import gilbook.runtime.Eval;
import gilbook.runtime.Interpreter;
import gilbook.runtime.PyList;
import gilbook.runtime.PyLong;
import gilbook.runtime.PyThread;
import gilbook.runtime.PyThreadState;
import gilbook.runtime.ThreadStats;
import gilbook.runtime.Work;
import gilbook.runtime.pyo3.Bound;
import gilbook.runtime.pyo3.Py;
import gilbook.runtime.pyo3.Python;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Chapter 7's "When each wins" table: the two {@code update_in_place} strategies of the lesson,
 * timed by the runtime for several list sizes and per-item costs, at the default 5 ms switch
 * interval. The extension function is called on the main thread, as Python calls a {@code
 * #[pyfunction]}, while a second Python thread spins ({@code while not done: pass}) until it
 * returns; each strategy is also timed with no busy thread. The code of each strategy is the
 * lesson's runnable block of the same name.
 *
 * <p>Virtual time on two cores, clock seed 7: every run prints the same table. {@code
 * bench/ch07-when-each-wins} builds the module and runs this; the lesson quotes its output.
 */
public final class WhenEachWins {
  private static final List<Integer> SIZES = List.of(2, 8, 32);
  private static final List<Duration> COSTS =
      List.of(Duration.ofMillis(1).dividedBy(10), Duration.ofMillis(1), Duration.ofMillis(10));

  private WhenEachWins() {}

  /** One strategy: how the extension function updates the list. */
  @FunctionalInterface
  private interface Strategy {
    void apply(Python py, Bound<PyList> numbers, Duration cost);
  }

  /**
   * What one call left behind.
   *
   * @param callNanos from the call to its return, on the calling thread's clock
   * @param busyWaited how long the busy thread waited for the GIL, or 0 without one
   */
  private record Timing(long callNanos, long busyWaited) {}

  public static void main(String[] args) {
    print(System.out);
  }

  /** Prints the table as Markdown. */
  static void print(PrintStream out) {
    out.println(
        "| List size | Cost per item | Strategy 1 | Strategy 2 | Strategy 2, no busy thread"
            + " | Busy thread waited, S1 | Busy thread waited, S2 |");
    out.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (int size : SIZES) {
      for (Duration cost : COSTS) {
        Timing s1 = time(WhenEachWins::copyOut, size, cost, true);
        Timing s2 = time(WhenEachWins::reattach, size, cost, true);
        Timing alone = time(WhenEachWins::reattach, size, cost, false);
        out.println(
            String.format(
                Locale.ROOT,
                "| %d | %s ms | %s ms | %s ms | %s ms | %s ms | %s ms |",
                size,
                ms(cost.toNanos()),
                ms(s1.callNanos()),
                ms(s2.callNanos()),
                ms(alone.callNanos()),
                ms(s1.busyWaited()),
                ms(s2.busyWaited())));
      }
    }
  }

  /** Calls {@code strategy} once on a list of {@code size} ints, beside a busy thread or not. */
  private static Timing time(Strategy strategy, int size, Duration cost, boolean busy) {
    long[] call = new long[1];
    long[] waited = new long[1];
    try (Interpreter interp = Interpreter.builder().clock(Clock.virtual(7)).cores(2).build()) {
      interp.run(
          () -> {
            boolean[] done = {false}; // a Python global the busy thread polls
            PyThread spinner =
                busy
                    ? interp.start(
                        "busy",
                        () -> {
                          while (!done[0]) {
                            Eval.backEdge();
                          }
                        })
                    : null;
            long[] values = new long[size];
            for (int i = 0; i < size; i++) {
              values[i] = 1001 + i; // outside the small-int cache
            }
            PyList numbers = PyList.ofLongs(values);
            long start = PyThreadState.get().now();
            Python.runWithGil(
                py -> {
                  Bound<PyList> list = Bound.fromBorrowed(py, numbers);
                  strategy.apply(py, list, cost);
                  list.close();
                });
            call[0] = PyThreadState.get().now() - start;
            done[0] = true;
            if (spinner != null) {
              spinner.join();
              ThreadStats stats = spinner.stats();
              waited[0] = stats.waited();
            }
            for (int i = 0; i < size; i++) {
              long got = ((PyLong) numbers.getItem(i)).asLong();
              if (got != values[i] * values[i] + 1) {
                throw new IllegalStateException("item " + i + " is " + got);
              }
            }
            numbers.decref();
          });
      String end = interp.shutdown().toString();
      if (!end.startsWith("clean shutdown")) {
        throw new IllegalStateException(end);
      }
    }
    return new Timing(call[0], waited[0]);
  }

  /** Strategy 1: copy out with the GIL, compute detached, write back with the GIL. */
  private static void copyOut(Python py, Bound<PyList> list, Duration cost) {
    long[] values = new long[list.get().size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = ((PyLong) list.get().getItem(i)).asLong();
    }
    long[] results =
        py.allowThreads(
            () -> {
              long[] out = new long[values.length];
              for (int i = 0; i < out.length; i++) {
                Work.cpu(cost);
                out[i] = values[i] * values[i] + 1;
              }
              return out;
            });
    for (int i = 0; i < results.length; i++) {
      PyLong r = PyLong.fromLong(results[i]);
      list.get().setItem(i, r);
      r.decref();
    }
  }

  /** Strategy 2: detach once, attach to read each item and again to write it. */
  private static void reattach(Python py, Bound<PyList> list, Duration cost) {
    int length = list.get().size();
    Py<PyList> ref = list.unbind();
    py.allowThreads(
        () -> {
          for (int i = 0; i < length; i++) {
            int index = i;
            long n =
                Python.withGil(inner -> ((PyLong) ref.bind(inner).get().getItem(index)).asLong());
            Work.cpu(cost);
            Python.runWithGil(
                inner -> {
                  PyLong r = PyLong.fromLong(n * n + 1);
                  ref.bind(inner).get().setItem(index, r);
                  r.decref();
                });
          }
        });
    ref.drop(py);
  }

  /** Milliseconds with one decimal, or three below 1 ms. */
  private static String ms(long nanos) {
    return nanos < 1_000_000
        ? String.format(Locale.ROOT, "%.3f", nanos / 1e6)
        : String.format(Locale.ROOT, "%.1f", nanos / 1e6);
  }
}

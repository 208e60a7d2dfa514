package gilbook.exercises.checks.ch07;

import gilbook.exercises.grading.Inputs;
import gilbook.runtime.Eval;
import gilbook.runtime.PyList;
import gilbook.runtime.Work;
import java.time.Duration;
import java.util.SplittableRandom;

/**
 * A busy Python thread beside the extension: it sleeps until {@code startNanos}, then runs {@code
 * loops} iterations of a Python loop, about 50 ns of the GIL each. It needs well under a
 * millisecond of the GIL in all, so it finishes long before an extension that computes for several
 * milliseconds, unless the extension keeps the GIL while it computes. Immutable.
 *
 * @param startNanos when it starts asking for the GIL
 * @param loops how many loop iterations it runs
 */
record Busy(long startNanos, long loops) {
  /** Name of the busy thread. */
  static final String THREAD = "worker";

  /** Cost of one iteration of {@link Eval#loop}: the interpreter's instruction cost. */
  private static final long LOOP_NANOS = 50;

  /**
   * A start in the first 0.6 ms and 0.2 to 0.4 ms of Python work: done by 1 ms, before even the
   * shortest list (three computations, spread over both cores) can be finished.
   */
  static Busy draw(SplittableRandom random) {
    return new Busy(
        Inputs.momentNanos(random, 50_000, 600_000), Inputs.between(random, 4_000, 8_000));
  }

  /** The thread's body. */
  void apply(PyList unused, Progress progress) {
    Work.sleep(Duration.ofNanos(startNanos)); // lets the extension take the GIL first
    Eval.loop(loops, i -> {});
  }

  /** For example "a Python thread needing 0.35 ms of the GIL, from 0.42 ms on". */
  String describe() {
    return String.format(
        "a Python thread needing %.2f ms of the GIL, from %.2f ms on",
        loops * LOOP_NANOS / 1e6, startNanos / 1e6);
  }
}

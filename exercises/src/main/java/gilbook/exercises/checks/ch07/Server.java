package gilbook.exercises.checks.ch07;

import gilbook.exercises.grading.Inputs;
import gilbook.runtime.Eval;
import gilbook.runtime.PyList;
import gilbook.runtime.PyThreadState;
import gilbook.runtime.Work;
import java.time.Duration;
import java.util.SplittableRandom;

/**
 * "The other thread" of the batching exercise: a Python thread that serves requests without pause,
 * so it wants the GIL all the time. Each step of its work holds the GIL for {@code stepNanos}
 * (Python code and C calls that keep the GIL) and ends at a check point, where it honours a drop
 * request. It starts {@code startNanos} after the extension and serves until the extension returns
 * or its clock reaches {@code stopNanos}, whichever comes first: a cap that keeps a hopelessly slow
 * extension from running for minutes once its verdict is clear. Immutable.
 *
 * <p>Every wait of this thread for the GIL is a request delayed by the extension, which is the only
 * other thread that takes the GIL: so its waits are the extension's holds, one per acquisition.
 *
 * @param startNanos when it starts serving
 * @param stepNanos the GIL time between two check points
 * @param stopNanos when it stops serving, at the latest
 */
record Server(long startNanos, long stepNanos, long stopNanos) {
  /** Name of the thread. */
  static final String THREAD = "server";

  /**
   * A start within the first 20 µs, during the extension's first hold, and steps of 50 to 150
   * microseconds.
   */
  static Server draw(SplittableRandom random, long stopNanos) {
    return new Server(
        Inputs.momentNanos(random, 1_000, 20_000),
        Inputs.momentNanos(random, 50_000, 150_000),
        stopNanos);
  }

  /** The thread's body. */
  void apply(PyList unused, Progress progress) {
    Work.sleep(Duration.ofNanos(startNanos));
    PyThreadState self = PyThreadState.get();
    while (!progress.finished() && self.now() < stopNanos) {
      Work.cpuNanos(stepNanos);
      Eval.backEdge();
    }
  }

  /** For example "a Python thread serving requests without pause, from 0.12 ms on". */
  String describe() {
    return String.format(
        "a Python thread that serves requests without pause from %.2f ms on (a check point"
            + " every %.0f µs)",
        startNanos / 1e6, stepNanos / 1e3);
  }
}

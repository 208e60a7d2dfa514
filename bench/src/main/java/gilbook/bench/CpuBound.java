package gilbook.bench;

import gilbook.runtime.Eval;
import java.util.function.BooleanSupplier;

/** A CPU-bound Python loop, such as {@code while running: x += 1}, that never gives up the GIL. */
final class CpuBound {
  private CpuBound() {}

  /**
   * Spins while {@code keepGoing} says so. Each iteration is four plain instructions and a back
   * edge, so the thread honours drop requests exactly where CPython 3.11 would.
   */
  static void spin(BooleanSupplier keepGoing) {
    while (keepGoing.getAsBoolean()) {
      Eval.instructions(4);
      Eval.backEdge();
    }
  }

  /** Spins until {@code System.nanoTime()} reaches {@code deadline}. */
  static void spinUntil(long deadline) {
    spin(() -> System.nanoTime() - deadline < 0);
  }
}

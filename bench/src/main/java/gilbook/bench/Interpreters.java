package gilbook.bench;

import gilbook.runtime.Clock;
import gilbook.runtime.Interpreter;
import java.time.Duration;
import java.util.Map;

/** Builds the interpreters the benchmarks run in, and waits for their threads. */
final class Interpreters {
  private Interpreters() {}

  // A benchmark that hangs should fail the run, not keep the machine busy for ever.
  private static final Duration REAL_TIME_LIMIT = Duration.ofMinutes(2);

  /** A real-time interpreter, CPython's defaults apart from the switch interval. */
  static Interpreter real(Duration switchInterval, int traceCapacity) {
    return Interpreter.builder()
        .clock(Clock.real())
        .switchInterval(switchInterval)
        .traceCapacity(traceCapacity)
        .realTimeLimit(REAL_TIME_LIMIT)
        .build();
  }

  /** A virtual-time interpreter with the default cost model. */
  static Interpreter virtual(long seed, int traceCapacity) {
    return Interpreter.builder()
        .clock(Clock.virtual(seed))
        .traceCapacity(traceCapacity)
        .realTimeLimit(REAL_TIME_LIMIT)
        .build();
  }

  /**
   * Waits for every thread of {@code interp} to end.
   *
   * @throws IllegalStateException if a thread's body threw: its figures would be meaningless
   */
  static void await(Interpreter interp) {
    interp.awaitThreads();
    Map<String, Throwable> failures = interp.threadExceptions();
    if (!failures.isEmpty()) {
      Map.Entry<String, Throwable> first = failures.entrySet().iterator().next();
      throw new IllegalStateException(
          "benchmark thread " + first.getKey() + " failed: " + first.getValue(), first.getValue());
    }
  }
}

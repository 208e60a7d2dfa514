package gilbook.runtime;

import gilbook.runtime.internal.ClockEngine;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Every setting of one {@link Interpreter}, checked: what {@link Interpreter.Builder#build()} hands
 * to the interpreter. The builder makes a new one at each build, so a later change to the builder
 * never reaches an interpreter already built. Immutable, so thread-safe (the stream and the GIL
 * factory are shared, as they were given).
 *
 * @param clock the clock the builder was given, or {@code null} for a fresh {@code
 *     Clock.virtual(0)}; see {@link #bindClock(Object)}
 */
record InterpreterSettings(
    long switchIntervalNanos,
    boolean forceSwitching,
    EvalBreakerPolicy policy,
    Clock clock,
    int cores,
    long instructionCostNanos,
    double jitter,
    long timeLimitNanos,
    long realTimeLimitNanos,
    long shutdownTimeoutNanos,
    int traceCapacity,
    long syscallNanos,
    long helperTimeoutNanos,
    GilLock.Factory gilFactory,
    boolean gilEnabled,
    PrintStream stderr) {

  /** The longest switch interval allowed. */
  private static final long MAX_INTERVAL = Duration.ofHours(1).toNanos();

  /** In free-threaded mode, how many instruction costs a thread may run past another's event. */
  private static final long FREE_THREADED_LOOKAHEAD = 20;

  /**
   * The switch interval in nanoseconds, checked: the rule for both the builder and {@code
   * sys.setswitchinterval} ({@link Interpreter#setSwitchInterval}).
   *
   * @throws IllegalArgumentException naming the setting and its range
   */
  static long checkSwitchInterval(Duration interval) {
    if (interval == null) {
      throw new IllegalArgumentException(
          "switchInterval must not be null; the default is 5 ms (Duration.ofMillis(5))");
    }
    if (interval.isNegative() || interval.isZero() || interval.toNanos() > MAX_INTERVAL) {
      throw new IllegalArgumentException(
          "switchInterval must be more than 0 and at most 1 hour, got "
              + interval
              + "; CPython's default is 5 ms");
    }
    return interval.toNanos();
  }

  /**
   * The clock for one new interpreter that {@code builder} builds, bound to it: the clock the
   * builder was given, unless that one already serves the interpreter this same builder built
   * before; then a fresh twin of it (same kind, same seed), so that building twice gives two
   * independent interpreters with the same settings. A clock that serves another builder's
   * interpreter is refused, as a clock serves one interpreter.
   *
   * @throws IllegalStateException if the clock already serves another builder's interpreter
   */
  ClockEngine bindClock(Object builder) {
    ClockEngine engine;
    if (clock == null) {
      engine = (ClockEngine) Clock.virtual(0);
    } else {
      ClockEngine given = (ClockEngine) clock;
      engine = given.builder() == builder ? given.twin() : given;
    }
    long lookahead = gilEnabled ? 0 : FREE_THREADED_LOOKAHEAD * instructionCostNanos;
    engine.configure(
        new ClockEngine.Settings(cores, instructionCostNanos, jitter, timeLimitNanos, lookahead),
        builder);
    return engine;
  }
}

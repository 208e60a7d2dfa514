package gilbook.runtime;

import gilbook.runtime.internal.ClockEngine;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The state behind {@link Interpreter.Builder}: each setting with its default, and the problems
 * found so far. Each setter checks its argument at once and records a bad one, so that {@link
 * #settings()} can name every bad setting together. The ranges and defaults are documented on
 * {@link Interpreter.Builder}. Not thread-safe.
 */
final class InterpreterSettingsBuilder {
  private long switchIntervalNanos = 5_000_000;
  private boolean forceSwitching = true;
  private EvalBreakerPolicy policy = EvalBreakerPolicy.BACK_EDGES_AND_CALLS;
  private Clock clock = null;
  private boolean clockSet;
  private int cores = 2;
  private long instructionCostNanos = 50;
  private double jitter = 0.0;
  private long timeLimitNanos = Long.MAX_VALUE;
  private long realTimeLimitNanos = Long.MAX_VALUE;
  private long shutdownTimeoutNanos = 2_000_000_000L;
  private int traceCapacity = 1_000_000;
  private long syscallNanos = 50_000;
  private long helperTimeoutNanos = 2_000_000_000L;
  private GilLock.Factory gilFactory = Gil::new;
  private boolean gilEnabled = true;
  private PrintStream stderr = System.err;
  private final List<String> problems = new ArrayList<>();

  void switchInterval(Duration interval) {
    try {
      switchIntervalNanos = InterpreterSettings.checkSwitchInterval(interval);
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
  }

  void forceSwitching(boolean on) {
    forceSwitching = on;
  }

  void evalBreakerPolicy(EvalBreakerPolicy policy) {
    if (policy == null) {
      problems.add(
          "evalBreakerPolicy must not be null; choose EVERY_INSTRUCTION or BACK_EDGES_AND_CALLS");
    } else {
      this.policy = policy;
    }
  }

  void clock(Clock clock) {
    clockSet = true;
    this.clock = clock;
  }

  void cores(int cores) {
    if (cores < 1 || cores > 1024) {
      problems.add("cores must be between 1 and 1024, got " + cores);
    } else {
      this.cores = cores;
    }
  }

  void instructionCost(Duration cost) {
    if (cost == null || cost.isNegative() || cost.isZero() || cost.toNanos() > 1_000_000) {
      problems.add("instructionCost must be between 1 ns and 1 ms, got " + cost);
    } else {
      instructionCostNanos = cost.toNanos();
    }
  }

  void jitter(double jitter) {
    if (!(jitter >= 0 && jitter <= 0.9)) {
      problems.add("jitter must be between 0 and 0.9, got " + jitter);
    } else {
      this.jitter = jitter;
    }
  }

  void timeLimit(Duration limit) {
    if (limit == null || limit.isNegative() || limit.isZero()) {
      problems.add("timeLimit must be more than 0, got " + limit);
    } else {
      timeLimitNanos = limit.toNanos();
    }
  }

  void realTimeLimit(Duration limit) {
    if (limit == null || limit.isNegative() || limit.isZero()) {
      problems.add("realTimeLimit must be more than 0, got " + limit);
    } else {
      realTimeLimitNanos = limit.toNanos();
    }
  }

  void shutdownTimeout(Duration timeout) {
    if (timeout == null || timeout.isNegative()) {
      problems.add("shutdownTimeout must be 0 or more, got " + timeout);
    } else {
      shutdownTimeoutNanos = timeout.toNanos();
    }
  }

  void syscallLatency(Duration latency) {
    if (latency == null || latency.isNegative() || latency.toNanos() > 10_000_000) {
      problems.add("syscallLatency must be between 0 and 10 ms, got " + latency);
    } else {
      syscallNanos = latency.toNanos();
    }
  }

  void helperThreadTimeout(Duration timeout) {
    if (timeout == null || timeout.isNegative() || timeout.compareTo(Duration.ofMinutes(1)) > 0) {
      problems.add("helperThreadTimeout must be between 0 and 1 minute, got " + timeout);
    } else {
      helperTimeoutNanos = timeout.toNanos();
    }
  }

  void traceCapacity(int events) {
    if (events < 0 || events > 50_000_000) {
      problems.add("traceCapacity must be between 0 and 50000000, got " + events);
    } else {
      traceCapacity = events;
    }
  }

  void gil(GilLock.Factory factory) {
    if (factory == null) {
      problems.add("gil must not be null; the default is Gil::new");
    } else {
      gilFactory = factory;
    }
  }

  void gilEnabled(boolean enabled) {
    gilEnabled = enabled;
  }

  void stderr(PrintStream stream) {
    if (stream == null) {
      problems.add("stderr must not be null");
    } else {
      stderr = stream;
    }
  }

  /**
   * The settings as they stand, checked together. Changes nothing here, so it can be called again
   * for another interpreter with the same settings.
   *
   * @throws IllegalArgumentException naming every bad setting and its allowed range
   */
  InterpreterSettings settings() {
    List<String> all = new ArrayList<>(problems);
    if (clockSet && clock == null) {
      all.add("clock must not be null; use Clock.virtual(seed) or Clock.real()");
    } else if (clock != null && !(clock instanceof ClockEngine)) {
      all.add("clock must come from Clock.virtual(seed) or Clock.real()");
    }
    if (!all.isEmpty()) {
      throw new IllegalArgumentException("Invalid interpreter settings: " + String.join("; ", all));
    }
    return new InterpreterSettings(
        switchIntervalNanos,
        forceSwitching,
        policy,
        clock,
        cores,
        instructionCostNanos,
        jitter,
        timeLimitNanos,
        realTimeLimitNanos,
        shutdownTimeoutNanos,
        traceCapacity,
        syscallNanos,
        helperTimeoutNanos,
        gilFactory,
        gilEnabled,
        stderr);
  }
}

package gilbook.runtime;

/**
 * What a {@link GilLock} implementation gets from its interpreter: the clock to build mutexes and
 * conditions from, the eval breaker, and the settings. Thread-safe.
 */
public final class GilContext {
  private final Clock clock;
  private final EvalBreaker evalBreaker;
  private final long intervalNanos;
  private final boolean forceSwitching;
  private final Tracer tracer;

  GilContext(
      Clock clock,
      EvalBreaker evalBreaker,
      long intervalNanos,
      boolean forceSwitching,
      Tracer tracer) {
    this.clock = clock;
    this.evalBreaker = evalBreaker;
    this.intervalNanos = intervalNanos;
    this.forceSwitching = forceSwitching;
    this.tracer = tracer;
  }

  /** The interpreter's clock; make the GIL's mutexes and conditions with it. */
  public Clock clock() {
    return clock;
  }

  /** Where to set and clear the drop request. */
  public EvalBreaker evalBreaker() {
    return evalBreaker;
  }

  /** The switch interval the interpreter was built with, in nanoseconds. */
  public long intervalNanos() {
    return intervalNanos;
  }

  /** Whether forced switching is on. */
  public boolean forceSwitching() {
    return forceSwitching;
  }

  /**
   * Records that {@code tstate} waited, from {@code sinceNanos} until now, for another thread to
   * take the GIL it dropped (the forced-switch wait on {@code switch_cond}).
   */
  public void reportForcedSwitchWait(PyThreadState tstate, long sinceNanos) {
    tracer.forcedSwitchWait(tstate, sinceNanos);
  }
}

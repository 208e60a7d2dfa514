package gilbook.runtime.internal;

/**
 * One Python thread's view of its clock: reading the time and spending it. Not API.
 *
 * <p>Every method is called only by the Python thread that owns the handle.
 */
public interface ClockThread {
  /** The thread's current time in nanoseconds. */
  long now();

  /** Charges one bytecode-sized instruction. Cheap: this is the interpreter's hot path. */
  void instruction();

  /**
   * Computation that occupies a core for {@code nanos} (busy, not blocked).
   *
   * @return when the computation really began: later than now if every simulated core was busy
   */
  long cpu(long nanos);

  /** Blocking that occupies no core, such as I/O or {@code time.sleep}. */
  void sleep(long nanos);

  /**
   * Says what the thread is about to wait for, for deadlock reports; {@code null} clears it. In
   * virtual mode, {@code gil} marks a wait for the GIL, which times out and retries for ever, so
   * the scheduler must not count it as progress.
   */
  void waitingFor(String what, boolean gil);

  /** Whether {@link gilbook.runtime.Interpreter#close()} asked this thread to stop. */
  boolean killed();
}

package gilbook.runtime;

/**
 * The GIL was taken or dropped out of turn: taken again by its holder, or dropped by a thread that
 * does not hold it. CPython aborts with a fatal error; this names the threads instead of hanging.
 */
public final class GilStateError extends SimulationError {
  private static final long serialVersionUID = 1L;

  /** An error with the given message; binding layers use it for their own GIL-state checks. */
  public GilStateError(String message) {
    super(message);
  }
}

package gilbook.runtime;

/**
 * The run ended because a thread's virtual clock passed the interpreter's time limit, which usually
 * means a loop that never ends.
 */
public final class TimeLimitError extends SimulationError {
  private static final long serialVersionUID = 1L;

  TimeLimitError(String report) {
    super(report);
  }
}

package gilbook.runtime;

/**
 * The run ended because no thread could ever make progress again. The message names every thread
 * and what it waits for.
 */
public final class DeadlockError extends SimulationError {
  private static final long serialVersionUID = 1L;

  DeadlockError(String report) {
    super(report);
  }
}

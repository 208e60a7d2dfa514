package gilbook.app.engine;

/**
 * A problem with the workbook or the environment (not with learner code): no workbook folder, an
 * unknown exercise, a file that cannot be written. The message names the problem and the next step;
 * the CLI exits with code 2.
 */
public final class EngineException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public EngineException(String message) {
    super(message);
  }

  public EngineException(String message, Throwable cause) {
    super(message, cause);
  }
}

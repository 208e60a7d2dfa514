package gilbook.runtime;

/**
 * Base class of the errors the simulated interpreter raises when Python code breaks a rule that
 * real CPython would punish with a crash, a hang or silent corruption.
 */
public class SimulationError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SimulationError(String message) {
    super(message);
  }
}

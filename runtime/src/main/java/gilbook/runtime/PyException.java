package gilbook.runtime;

/**
 * A Python exception raised by an object operation, such as {@code IndexError} or {@code KeyError}.
 * Unlike a {@link SimulationError}, it is ordinary Python behaviour that code may catch and handle.
 */
public final class PyException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String type;

  PyException(String type, String message) {
    super(type + ": " + message);
    this.type = type;
  }

  /** The Python exception type name, such as {@code "IndexError"}. */
  public String type() {
    return type;
  }
}

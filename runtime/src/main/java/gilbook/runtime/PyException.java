package gilbook.runtime;

import java.util.Objects;

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

  /**
   * A Python exception of type {@code type}, for runtime code outside this package that raises one,
   * such as {@code threading} raising {@code RuntimeError}.
   *
   * @param type the Python type name, such as {@code "ValueError"}
   * @param message the exception's message, as {@code str(e)} would show it
   */
  public static PyException of(String type, String message) {
    Objects.requireNonNull(type, "type must not be null");
    Objects.requireNonNull(message, "message must not be null");
    return new PyException(type, message);
  }

  /** The Python exception type name, such as {@code "IndexError"}. */
  public String type() {
    return type;
  }
}

package gilbook.runtime.bytecode;

/**
 * A Python exception raised by a listing the VM runs, such as {@code KeyError} or {@code
 * TypeError}. The VM does not run {@code try} blocks, so it ends the call. Immutable.
 */
public final class PythonError extends RuntimeException {
  private final String type;

  PythonError(String type, String message) {
    super(type + ": " + message);
    this.type = type;
  }

  /** The Python exception type, such as {@code KeyError}. */
  public String type() {
    return type;
  }
}

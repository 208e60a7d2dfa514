package gilbook.runtime.bytecode;

/** A {@code dis} listing that cannot be read: the message names the line and what is wrong. */
public final class ListingException extends IllegalArgumentException {
  private final int line;

  ListingException(int line, String message) {
    super(line > 0 ? "line " + line + ": " + message : message);
    this.line = line;
  }

  /** The listing line at fault, counting from 1, or 0 when the fault is not on one line. */
  public int line() {
    return line;
  }
}

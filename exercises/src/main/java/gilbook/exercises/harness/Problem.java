package gilbook.exercises.harness;

/**
 * Something wrong with a learner's file, at a place in it. Immutable.
 *
 * @param kind what sort of problem
 * @param line the line in the learner's file, from 1; 0 when the problem has no place
 * @param column the column, from 1; 0 when unknown
 * @param message the compiler's or the runtime's message, or ours
 */
public record Problem(Kind kind, int line, int column, String message) {

  /** The sorts of problem. */
  public enum Kind {
    /** The file is missing, empty, binary or too large. */
    FILE,
    /** The compiler rejected a snippet. */
    COMPILE,
    /** A snippet threw while it ran. */
    EXCEPTION,
    /** The file does not define what the exercise's contract needs. */
    CONTRACT
  }

  /** {@code path:line:column: message}, as compilers print it. */
  public String format(String path) {
    if (line <= 0) {
      return path + ": " + message;
    }
    return path + ":" + line + (column > 0 ? ":" + column : "") + ": " + message;
  }
}

package gilbook.exercises.grading;

import java.util.function.Supplier;
import org.opentest4j.AssertionFailedError;

/**
 * Failure messages for learners, always in three parts: what was expected, what happened, and what
 * to try next.
 */
public final class Feedback {
  /** Where each part's text starts, after "Expected: "; a later line of a part starts there too. */
  private static final String COLUMN = " ".repeat("Expected: ".length());

  private Feedback() {}

  /** Fails unless {@code ok}, with a three-part message. */
  public static void expect(boolean ok, String expected, Supplier<String> actual, String next) {
    if (!ok) {
      throw fail(expected, actual.get(), next);
    }
  }

  /**
   * What {@code thrown} says, for a check's "Got" line: its type and message, without the fix that
   * some runtime errors append (" Fix: ..."), which would hand the learner the line to write.
   */
  public static String describe(Throwable thrown) {
    String text = gilbook.exercises.harness.JShellHarness.describe(thrown);
    int fix = text.indexOf(" Fix: ");
    return fix < 0 ? text : text.substring(0, fix);
  }

  /**
   * What {@code thrown} says, for a check's "Got" line, with the learner-file line it came from (if
   * it came from learner code): {@link #describe}, the line at the end of the message's first line,
   * and the message's later lines (a deadlock report names one thread per line) indented to where
   * the "Got" text starts, so they read as part of it.
   */
  public static String raised(Throwable thrown) {
    String text = describe(thrown);
    String line =
        Submission.learnerLine(thrown).map(n -> " (line " + n + " of your file)").orElse("");
    int end = text.indexOf('\n');
    if (end < 0) {
      return text + line;
    }
    return text.substring(0, end) + line + text.substring(end).replace("\n", "\n" + COLUMN);
  }

  /** A failure with a three-part message. */
  public static AssertionFailedError fail(String expected, String actual, String next) {
    return new AssertionFailedError(
        "Expected: " + expected + "\nGot:      " + actual + "\nTry:      " + next);
  }
}

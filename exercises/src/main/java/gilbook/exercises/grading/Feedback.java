package gilbook.exercises.grading;

import java.util.function.Supplier;
import org.opentest4j.AssertionFailedError;

/**
 * Failure messages for learners, always in three parts: what was expected, what happened, and what
 * to try next.
 */
public final class Feedback {
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

  /** A failure with a three-part message. */
  public static AssertionFailedError fail(String expected, String actual, String next) {
    return new AssertionFailedError(
        "Expected: " + expected + "\nGot:      " + actual + "\nTry:      " + next);
  }
}

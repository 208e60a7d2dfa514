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

  /** A failure with a three-part message. */
  public static AssertionFailedError fail(String expected, String actual, String next) {
    return new AssertionFailedError(
        "Expected: " + expected + "\nGot:      " + actual + "\nTry:      " + next);
  }
}

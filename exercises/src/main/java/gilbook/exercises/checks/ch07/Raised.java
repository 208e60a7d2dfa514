package gilbook.exercises.checks.ch07;

import gilbook.exercises.grading.Submission;
import gilbook.runtime.PyException;

/** How a failed check names a Python exception the learner's code raised. Thread-safe. */
final class Raised {
  private Raised() {}

  /**
   * "IndexError: list index 3 out of range for a list of 3 (line 14 of your file)": the message
   * already starts with the exception's type, so the type is not repeated.
   */
  static String describe(PyException e) {
    String line = Submission.learnerLine(e).map(n -> " (line " + n + " of your file)").orElse("");
    return e.getMessage() + line;
  }
}

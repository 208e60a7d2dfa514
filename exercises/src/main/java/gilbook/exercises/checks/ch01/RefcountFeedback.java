package gilbook.exercises.checks.ch01;

import gilbook.exercises.grading.Submission;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words chapter 1's checks share: where each rule is in the lesson, and how an exception from
 * the learner's code reads. A message says what the code did and which rule it broke; it never says
 * which line to write.
 */
final class RefcountFeedback {
  static final String TABLE = "chapter 1, \"New and borrowed references\"";
  static final String LEAKS = "chapter 1, \"Leaks and dangling pointers\"";
  static final String GETREFCOUNT = "chapter 1, \"Counting with sys.getrefcount\"";

  /** Where the continuation lines of a "Got:" start, so they line up under its first line. */
  static final String INDENT = "\n          ";

  private static final Pattern ADVICE = Pattern.compile("\\.\\s+(?=[A-Z])|;\\s");

  private RefcountFeedback() {}

  /** {@code lines} as one block of a Feedback message, one per line. */
  static String block(List<String> lines) {
    return String.join(INDENT, lines);
  }

  /** " Or ./gilbook hint ID." to end a "Try:". */
  static String orHint(String id) {
    return " Or ./gilbook hint " + id + ".";
  }

  /**
   * "DanglingPointerError: dangling pointer: ... (line 12 of your file)": what was raised, without
   * the advice the runtime's message ends with (the checks leave that to the hints).
   */
  static String raised(Throwable t) {
    String line = Submission.learnerLine(t).map(n -> " (line " + n + " of your file)").orElse("");
    String message = t.getMessage() == null ? "" : ": " + whatHappened(t.getMessage());
    return t.getClass().getSimpleName() + message + line;
  }

  static String whatHappened(String message) {
    Matcher end = ADVICE.matcher(message);
    return end.find() ? message.substring(0, end.start()) : message;
  }
}

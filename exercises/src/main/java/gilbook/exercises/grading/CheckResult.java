package gilbook.exercises.grading;

/**
 * The verdict of one graded check. Immutable.
 *
 * @param name what the check verifies, in words
 * @param passed whether it passed
 * @param message for a failure: expected, got, and what to try; empty when it passed
 */
public record CheckResult(String name, boolean passed, String message) {}

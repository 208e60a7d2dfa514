package gilbook.exercises.checks.ch03;

/**
 * Where a failed check sends the learner: a section of chapter 3, by its heading, and the
 * exercise's hints. Never the line to write. Thread-safe (constants only).
 */
final class Lesson {
  static final String TAKE_GIL = "take_gil";
  static final String DROP_GIL = "drop_gil";
  static final String DROP_REQUEST = "The drop request and the eval breaker";
  static final String FORCED = "Forced switching";
  static final String CHOOSING = "Choosing an interval";

  private Lesson() {}

  /** "See chapter 3, 'SECTION', or ./gilbook hint ID." */
  static String see(String section, String exerciseId) {
    return "see chapter 3, \"" + section + "\", or run ./gilbook hint " + exerciseId + ".";
  }

  /** "RULE: see chapter 3, 'SECTION', or ./gilbook hint ID." */
  static String rule(String rule, String section, String exerciseId) {
    return rule + ": " + see(section, exerciseId);
  }

  /** "1.25 ms", or "380.0 µs" below a millisecond. */
  static String span(long nanos) {
    return Math.abs(nanos) < 1_000_000
        ? String.format("%.1f µs", nanos / 1e3)
        : String.format("%.2f ms", nanos / 1e6);
  }
}

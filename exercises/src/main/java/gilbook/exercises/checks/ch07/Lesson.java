package gilbook.exercises.checks.ch07;

/**
 * Where a failed check sends the learner: a section of chapter 7, by its heading, and the
 * exercise's hints. Never the line to write: the hints and {@code gilbook solution} are there for
 * that. Thread-safe (constants only).
 */
final class Lesson {
  static final String STRATEGY_1 = "Strategy 1: copy out, compute detached, write back";
  static final String STRATEGY_2 = "Strategy 2: re-attach for each element";
  static final String BATCHING = "Batching: re-attach every K items";
  static final String DETACHED = "Be careful while detached";
  static final String BOUND_AND_PY = "Bound<'py, T> and Py<T>";
  static final String WORKBOOK = "In the workbook";

  private Lesson() {}

  /** "See chapter 7, 'SECTION', or ./gilbook hint ID." */
  static String see(String section, String exerciseId) {
    return "see chapter 7, \"" + section + "\", or run ./gilbook hint " + exerciseId + ".";
  }

  /** "RULE: see chapter 7, 'SECTION', or ./gilbook hint ID." */
  static String rule(String rule, String section, String exerciseId) {
    return rule + ": " + see(section, exerciseId);
  }
}

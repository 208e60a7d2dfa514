package gilbook.exercises.checks.ch02;

import gilbook.exercises.grading.Seed;

/** Where chapter 2's rules are in the lesson, and how a message ends. Stateless. */
final class Ch02Feedback {
  static final String THREE_STEPS = "chapter 2, \"Py_INCREF is three steps\"";
  static final String TOO_LOW = "chapter 2, \"Too low, too high\"";
  static final String WATCH = "chapter 2, \"Watch it happen\"";
  static final String LOCKS = "chapter 2, \"Why not a lock per object\"";
  static final String WORKBOOK = "chapter 2, \"In the workbook\"";

  private Ch02Feedback() {}

  /** " Or ./gilbook hint ID." to end a "Try:". */
  static String orHint(String id) {
    return " Or ./gilbook hint " + id + ".";
  }

  /** " (seed S)", so the learner can grade again with the same setups. */
  static String seed() {
    return " (seed " + Seed.current() + ")";
  }
}

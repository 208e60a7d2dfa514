package gilbook.bench;

/**
 * The range a figure must fall in to pass, or no range at all for a figure that is only reported.
 * Immutable.
 *
 * @param text the target as the table shows it
 * @param low the smallest passing value
 * @param high the largest passing value
 * @param judged whether the figure is judged at all
 */
record Target(String text, double low, double high, boolean judged) {

  /** A figure that is reported without a verdict. */
  static Target none() {
    return new Target("-", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false);
  }

  static Target atMost(double high, String text) {
    return new Target(text, Double.NEGATIVE_INFINITY, high, true);
  }

  static Target atLeast(double low, String text) {
    return new Target(text, low, Double.POSITIVE_INFINITY, true);
  }

  static Target between(double low, double high, String text) {
    return new Target(text, low, high, true);
  }

  /** Whether {@code value} meets the target; a value that is not a number never does. */
  boolean met(double value) {
    return value >= low && value <= high;
  }

  /** {@code PASS}, {@code MISS}, or {@code info} for a figure without a target. */
  String verdict(double value) {
    if (!judged) {
      return "info";
    }
    return met(value) ? "PASS" : "MISS";
  }
}

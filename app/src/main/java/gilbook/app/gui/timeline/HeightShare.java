package gilbook.app.gui.timeline;

/**
 * Hands out a height in turns, each taking what it asks for while some is left. Not thread-safe: a
 * short-lived helper for one layout.
 */
final class HeightShare {
  private double left;

  HeightShare(double total) {
    this.left = Math.max(0, total);
  }

  /** Up to {@code wanted}, as much as is left; nothing for a negative wish. */
  double take(double wanted) {
    double given = Math.max(0, Math.min(wanted, left));
    left -= given;
    return given;
  }

  /** All that is left. */
  double rest() {
    return take(left);
  }
}

package gilbook.app.gui.timeline;

import java.util.Arrays;

/**
 * Shares a table's width among its columns: each gets at least its natural width (its header or its
 * widest cell, whichever is wider), and the room left over is shared in proportion, so the columns
 * end exactly at the table's right edge. When even the natural widths do not fit, each keeps its
 * natural width and the table scrolls sideways: a column cut off at the edge, or a header cut to
 * "Held (…", would hide what it says. Stateless and thread-safe.
 */
final class ColumnFit {
  private ColumnFit() {}

  /** The width of each column, for columns of {@code natural} widths in {@code available}. */
  static double[] widths(double[] natural, double available) {
    double total = Arrays.stream(natural).sum();
    if (total <= 0 || total >= available) {
      return natural.clone();
    }
    double[] out = new double[natural.length];
    double given = 0;
    for (int i = 0; i < natural.length; i++) {
      // Whole pixels, so the columns' sum cannot creep past the edge by a rounding error.
      out[i] = Math.floor(natural[i] * available / total);
      given += out[i];
    }
    out[0] += Math.floor(available - given);
    return out;
  }
}

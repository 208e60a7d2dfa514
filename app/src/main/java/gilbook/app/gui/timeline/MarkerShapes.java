package gilbook.app.gui.timeline;

/**
 * Where each kind of marker sits around its lane's bar, for drawing outlines and for hit testing.
 * Stateless and thread-safe.
 */
final class MarkerShapes {
  private MarkerShapes() {}

  /** The box {@code {left, top, right, bottom}} a marker at {@code x} occupies. */
  static double[] bounds(Marker.Kind kind, double x, double barTop, double barBottom) {
    return switch (kind) {
      case DROP_REQUEST -> new double[] {x - 5, barTop - 10, x + 5, barTop - 1};
      case FORCED_SWITCH -> {
        double cy = (barTop + barBottom) / 2;
        yield new double[] {x - 6, cy - 6, x + 6, cy + 6};
      }
      case THREAD_START -> new double[] {x - 1, barTop - 10, x + 7, barTop - 3};
      case THREAD_EXIT -> new double[] {x - 6.5, barTop - 10, x + 1, barTop - 3};
      case EXCEPTION -> new double[] {x - 6, barTop - 14, x + 6, barTop - 2};
    };
  }
}

package gilbook.app.gui.timeline;

/**
 * The part of a trace's time span that the timeline shows, and how zooming and panning move it.
 *
 * <p>The window never leaves the trace's span and never gets narrower than {@link #MIN_SPAN_NS}.
 * Not thread-safe: the timeline view owns one and uses it on the FX thread.
 */
final class TimeWindow {
  /** The narrowest window: 50 ns, a few simulated instructions. */
  static final double MIN_SPAN_NS = 50;

  private double fullStart;
  private double fullSpan = 1;
  private double start;
  private double span = 1;

  /** Sets the trace's span and shows all of it. */
  void reset(long startNs, long endNs) {
    fullStart = startNs;
    fullSpan = Math.max(MIN_SPAN_NS, endNs - startNs);
    fit();
  }

  /** Shows the whole trace. */
  void fit() {
    start = fullStart;
    span = fullSpan;
  }

  /**
   * Zooms by {@code factor} (above 1 zooms in) and keeps the instant {@code anchorNs} where it is
   * on screen.
   */
  void zoom(double factor, double anchorNs) {
    if (!(factor > 0)) {
      throw new IllegalArgumentException("the zoom factor must be > 0, got " + factor);
    }
    double fraction = (anchorNs - start) / span;
    double newSpan = Math.max(MIN_SPAN_NS, Math.min(fullSpan, span / factor));
    start = anchorNs - fraction * newSpan;
    span = newSpan;
    clamp();
  }

  /** Zooms by {@code factor} around the middle of the window. */
  void zoom(double factor) {
    zoom(factor, start + span / 2);
  }

  /** Moves the window later by {@code deltaNs} (earlier when negative). */
  void pan(double deltaNs) {
    start += deltaNs;
    clamp();
  }

  /** The first visible instant, in nanoseconds. */
  double start() {
    return start;
  }

  /** How many nanoseconds the window shows. */
  double span() {
    return span;
  }

  /** The last visible instant, in nanoseconds. */
  double end() {
    return start + span;
  }

  private void clamp() {
    span = Math.min(span, fullSpan);
    start = Math.max(fullStart, Math.min(start, fullStart + fullSpan - span));
  }
}

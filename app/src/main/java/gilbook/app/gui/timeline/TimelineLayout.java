package gilbook.app.gui.timeline;

/**
 * Where things go on the timeline's canvas: the thread-name gutter on the left, the time axis on
 * top, one lane per thread below it, and the mapping between nanoseconds and pixels. Every length
 * is in the timeline's own pixels, before its zoom: at zoom 1.5 the view draws this layout half as
 * large again. Immutable and thread-safe.
 *
 * @param width the canvas width in pixels
 * @param height the canvas height in pixels
 * @param gutter the width of the thread-name column
 * @param lanes how many lanes there are
 * @param scrollY how far the lanes are scrolled up, in pixels
 * @param startNs the first visible instant
 * @param spanNs how many nanoseconds are visible
 * @param laneHeight the height of one lane, from {@link #COMPACT_LANE_HEIGHT} to {@link
 *     #LANE_HEIGHT}
 */
record TimelineLayout(
    double width,
    double height,
    double gutter,
    int lanes,
    double scrollY,
    double startNs,
    double spanNs,
    double laneHeight) {

  /** The height of the time axis. */
  static final double AXIS_HEIGHT = 26;

  /** The height of one lane when there is room: the thread's name over its share of the GIL. */
  static final double LANE_HEIGHT = 46;

  /**
   * The height of one lane when the lanes do not all fit: the name and the share on one line, and a
   * thinner bar.
   */
  static final double COMPACT_LANE_HEIGHT = 28;

  /** Below this lane height the name and the share go on one line. */
  static final double TWO_LINE_LANE_HEIGHT = 42;

  /** Room left under the last lane. */
  static final double BOTTOM_ROOM = 6;

  /** Space between the plot and its left and right edges, so bars at the ends stay visible. */
  static final double PAD = 14;

  /**
   * The layout for a canvas {@code width} by {@code height}: the lanes share the height below the
   * axis, each at most {@link #LANE_HEIGHT} and at least {@link #COMPACT_LANE_HEIGHT} tall; when
   * even compact lanes do not fit, they scroll.
   */
  static TimelineLayout of(
      double width,
      double height,
      double gutter,
      int lanes,
      double scrollY,
      double startNs,
      double spanNs) {
    double room = (height - AXIS_HEIGHT - BOTTOM_ROOM) / Math.max(1, lanes);
    double laneHeight = Math.max(COMPACT_LANE_HEIGHT, Math.min(LANE_HEIGHT, Math.floor(room)));
    return new TimelineLayout(width, height, gutter, lanes, scrollY, startNs, spanNs, laneHeight);
  }

  /** The height {@code lanes} lanes of {@code laneHeight} need, with the axis and room below. */
  static double contentHeight(int lanes, double laneHeight) {
    return AXIS_HEIGHT + lanes * laneHeight + BOTTOM_ROOM;
  }

  /** The height the lanes need, with the axis and a little room below. */
  double contentHeight() {
    return contentHeight(lanes, laneHeight);
  }

  /** The height of a segment's bar: 18 pixels in a full lane, down to 14 in a compact one. */
  double barHeight() {
    return Math.max(14, Math.min(18, laneHeight - 28));
  }

  /** Whether a lane has room for two lines of text in the gutter. */
  boolean twoLineLabels() {
    return laneHeight >= TWO_LINE_LANE_HEIGHT;
  }

  double plotLeft() {
    return gutter + PAD;
  }

  double plotWidth() {
    return Math.max(1, width - gutter - 2 * PAD);
  }

  /** Nanoseconds per pixel. */
  double nsPerPx() {
    return spanNs / plotWidth();
  }

  /** The x of an instant. */
  double x(double ns) {
    return plotLeft() + (ns - startNs) / spanNs * plotWidth();
  }

  /** The instant at an x. */
  double ns(double x) {
    return startNs + (x - plotLeft()) / plotWidth() * spanNs;
  }

  double laneTop(int lane) {
    return AXIS_HEIGHT + lane * laneHeight - scrollY;
  }

  double barTop(int lane) {
    return laneTop(lane) + (laneHeight - barHeight()) / 2;
  }

  double barBottom(int lane) {
    return barTop(lane) + barHeight();
  }

  double laneCenter(int lane) {
    return barTop(lane) + barHeight() / 2;
  }

  /** Whether any part of a lane is on the canvas, below the axis. */
  boolean isVisible(int lane) {
    double top = laneTop(lane);
    return top + laneHeight > AXIS_HEIGHT && top < height;
  }

  /** Whether all of a lane is on the canvas, below the axis. */
  boolean isWhollyVisible(int lane) {
    double top = laneTop(lane);
    return top >= AXIS_HEIGHT - 0.5 && top + laneHeight <= height + 0.5;
  }

  /** The lane at a y, or -1 above the first lane, on the axis, or below the last. */
  int laneAt(double y) {
    if (y < AXIS_HEIGHT) {
      return -1;
    }
    int lane = (int) Math.floor((y - AXIS_HEIGHT + scrollY) / laneHeight);
    return lane >= 0 && lane < lanes ? lane : -1;
  }

  /** How far the lanes can scroll: 0 when they all fit, even if the room below them does not. */
  double maxScrollY() {
    double overflow = contentHeight() - height;
    return overflow <= BOTTOM_ROOM ? 0 : overflow;
  }
}

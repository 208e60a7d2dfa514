package gilbook.app.gui.timeline;

/**
 * Where things go on the timeline's canvas: the thread-name gutter on the left, the time axis on
 * top, one lane per thread below it, and the mapping between nanoseconds and pixels. Immutable and
 * thread-safe.
 *
 * @param width the canvas width in pixels
 * @param height the canvas height in pixels
 * @param gutter the width of the thread-name column
 * @param lanes how many lanes there are
 * @param scrollY how far the lanes are scrolled up, in pixels
 * @param startNs the first visible instant
 * @param spanNs how many nanoseconds are visible
 */
record TimelineLayout(
    double width,
    double height,
    double gutter,
    int lanes,
    double scrollY,
    double startNs,
    double spanNs) {

  /** The height of the time axis. */
  static final double AXIS_HEIGHT = 30;

  /** The height of one lane. */
  static final double LANE_HEIGHT = 46;

  /** The height of a segment's bar. */
  static final double BAR_HEIGHT = 18;

  /** Space between the plot and its left and right edges, so bars at the ends stay visible. */
  static final double PAD = 14;

  /** The height the lanes need, with the axis and a little room below. */
  static double contentHeight(int lanes) {
    return AXIS_HEIGHT + lanes * LANE_HEIGHT + 6;
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
    return AXIS_HEIGHT + lane * LANE_HEIGHT - scrollY;
  }

  double barTop(int lane) {
    return laneTop(lane) + (LANE_HEIGHT - BAR_HEIGHT) / 2;
  }

  double barBottom(int lane) {
    return barTop(lane) + BAR_HEIGHT;
  }

  double laneCenter(int lane) {
    return barTop(lane) + BAR_HEIGHT / 2;
  }

  /** The lane at a y, or -1 above the first lane, on the axis, or below the last. */
  int laneAt(double y) {
    if (y < AXIS_HEIGHT) {
      return -1;
    }
    int lane = (int) Math.floor((y - AXIS_HEIGHT + scrollY) / LANE_HEIGHT);
    return lane >= 0 && lane < lanes ? lane : -1;
  }

  /** How far the lanes can scroll: 0 when they all fit. */
  double maxScrollY() {
    return Math.max(0, contentHeight(lanes) - height);
  }
}

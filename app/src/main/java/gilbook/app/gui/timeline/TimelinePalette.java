package gilbook.app.gui.timeline;

import javafx.scene.paint.Color;

/**
 * The timeline's colours for a light or a dark theme. The segment and marker colours come from the
 * Okabe–Ito palette, which stays distinct for the common kinds of colour blindness; the neutrals
 * match AtlantaFX's Primer Light and Primer Dark. Immutable and thread-safe.
 *
 * @param background the plot's background
 * @param laneStripe every other lane's background
 * @param gutter the thread-name column's background
 * @param grid the tick lines
 * @param text thread names and tick labels
 * @param mutedText secondary text
 * @param lifeline the line that shows a thread is alive
 * @param holding holding the GIL
 * @param holdingCpu computing while holding the GIL
 * @param waitingFill waiting for the GIL, under the hatching
 * @param waitingHatch waiting for the GIL, the hatching and the outline
 * @param blocked blocked with the GIL released
 * @param runningWithoutGil computing with the GIL released
 * @param dropRequest drop-request markers and their links
 * @param forcedSwitch forced-switch markers
 * @param exception exception markers
 * @param hover the outline of the item under the mouse
 * @param onStrong text drawn on holding, computing and blocked bars
 * @param onWaiting text drawn on waiting bars
 */
record TimelinePalette(
    Color background,
    Color laneStripe,
    Color gutter,
    Color grid,
    Color text,
    Color mutedText,
    Color lifeline,
    Color holding,
    Color holdingCpu,
    Color waitingFill,
    Color waitingHatch,
    Color blocked,
    Color runningWithoutGil,
    Color dropRequest,
    Color forcedSwitch,
    Color exception,
    Color hover,
    Color onStrong,
    Color onWaiting) {

  /** For AtlantaFX Primer Light and other light themes. */
  static final TimelinePalette LIGHT =
      new TimelinePalette(
          Color.web("#ffffff"),
          Color.web("#f6f8fa"),
          Color.web("#f6f8fa"),
          Color.web("#d0d7de"),
          Color.web("#1f2328"),
          Color.web("#656d76"),
          Color.web("#8c959f"),
          Color.web("#0072b2"),
          Color.web("#003f63"),
          Color.web("#e69f00", 0.28),
          Color.web("#c78800"),
          Color.web("#a8b1bb"),
          Color.web("#009e73"),
          Color.web("#d55e00"),
          Color.web("#cc79a7"),
          Color.web("#cf222e"),
          Color.web("#1f2328"),
          Color.web("#ffffff"),
          Color.web("#5c3d00"));

  /** For AtlantaFX Primer Dark and other dark themes. */
  static final TimelinePalette DARK =
      new TimelinePalette(
          Color.web("#0d1117"),
          Color.web("#131920"),
          Color.web("#161b22"),
          Color.web("#30363d"),
          Color.web("#e6edf3"),
          Color.web("#8d96a0"),
          Color.web("#6e7681"),
          Color.web("#2f81f7"),
          Color.web("#1a4f9c"),
          Color.web("#e69f00", 0.16),
          Color.web("#f0b429"),
          Color.web("#57606a"),
          Color.web("#2bb58c"),
          Color.web("#ff7b2e"),
          Color.web("#e392c2"),
          Color.web("#ff6b6b"),
          Color.web("#ffffff"),
          Color.web("#ffffff"),
          Color.web("#ffe2a8"));

  /** The palette for a dark or a light theme. */
  static TimelinePalette of(boolean dark) {
    return dark ? DARK : LIGHT;
  }

  /** The solid colour of a kind of segment: the fill, or for waiting the hatching. */
  Color color(Segment.Kind kind) {
    return switch (kind) {
      case HOLDING -> holding;
      case HOLDING_CPU -> holdingCpu;
      case WAITING -> waitingHatch;
      case BLOCKED -> blocked;
      case RUNNING_WITHOUT_GIL -> runningWithoutGil;
    };
  }

  /** The colour of a kind of marker. */
  Color color(Marker.Kind kind) {
    return switch (kind) {
      case DROP_REQUEST -> dropRequest;
      case FORCED_SWITCH -> forcedSwitch;
      case EXCEPTION -> exception;
      case THREAD_START, THREAD_EXIT -> lifeline;
    };
  }
}

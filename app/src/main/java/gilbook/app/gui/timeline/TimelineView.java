package gilbook.app.gui.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * The GIL timeline: one lane per thread, with what it did over time (holding the GIL, waiting for
 * it, blocked, running without it), drop requests and forced switches, a time axis and a legend. A
 * drop request is drawn on the lane of the thread that asks, with a dashed arrow to the thread that
 * held the GIL; a forced switch sits on the dropper's bar where its hold ends.
 *
 * <p>Ctrl+scroll (or a pinch) zooms around the mouse; scrolling and dragging pan; {@code +}, {@code
 * -} and {@code 0} zoom in, out and to fit; double-click zooms in. Hovering a bar or a marker shows
 * its exact times. When the lanes do not fit, they shrink to a compact height and then scroll, with
 * a scroll bar. It draws on one canvas the size of the view and redraws only what is visible, so a
 * long trace costs what fits on screen. Set {@link #darkProperty()} to match a dark theme; it
 * starts from the user-agent stylesheet's name. {@link #scaleProperty()} draws everything larger,
 * for presenting. FX-thread only.
 */
public final class TimelineView extends BorderPane {
  static final String NO_TRACE = "Run or check an exercise to see what the GIL did";
  static final String NO_EVENTS = "This trace has no events: no Python thread ran";
  private static final double ZOOM_STEP = 1.6;

  private final ObjectProperty<TraceModel> trace = new SimpleObjectProperty<>(this, "trace");
  private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark", themeLooksDark());
  private final DoubleProperty scale = new SimpleDoubleProperty(this, "scale", 1.0);
  private final BooleanProperty legendShown = new SimpleBooleanProperty(this, "legendShown", true);
  private final ReadOnlyDoubleWrapper visibleStart =
      new ReadOnlyDoubleWrapper(this, "visibleStart");
  private final ReadOnlyDoubleWrapper visibleSpan = new ReadOnlyDoubleWrapper(this, "visibleSpan");
  private final Canvas canvas = new Canvas();
  private final ScrollBar laneScroll = new ScrollBar();
  private final Plot plot = new Plot();
  private final Label placeholder = new Label(NO_TRACE);
  private final Label notice = new Label();
  private final TimelineLegend legend = new TimelineLegend();
  private final Tooltip tooltip = new Tooltip();
  private final TextMeasure measure = new TextMeasure();
  private final TimeWindow window = new TimeWindow();
  private List<LaneIndex> lanes = List.of();
  private double gutter = 150;
  private double scrollY;
  private boolean syncingScrollBar;
  private Object hovered;
  private double dragX;
  private double dragY;

  /** An empty timeline that shows a placeholder until a trace is set. */
  public TimelineView() {
    getStyleClass().add("gil-timeline");
    placeholder.getStyleClass().add("gil-timeline-placeholder");
    placeholder.setWrapText(true);
    placeholder.setTextAlignment(TextAlignment.CENTER);
    placeholder.setMouseTransparent(true);
    notice.getStyleClass().add("gil-timeline-notice");
    notice.setWrapText(true);
    notice.setMaxWidth(Double.MAX_VALUE);
    notice.setPadding(new Insets(6, 12, 6, 12));
    showNotice(false);
    tooltip.setWrapText(true);
    tooltip.setMaxWidth(440);
    laneScroll.setOrientation(Orientation.VERTICAL);
    laneScroll.setMin(0);
    laneScroll.setVisible(false);
    laneScroll
        .valueProperty()
        .addListener(
            (obs, old, now) -> {
              if (!syncingScrollBar) {
                scrollY = now.doubleValue();
                moved();
              }
            });
    plot.getChildren().addAll(canvas, laneScroll);
    plot.setFocusTraversable(true);
    StackPane center = new StackPane(plot, placeholder);
    StackPane.setAlignment(placeholder, Pos.CENTER);
    legend.visibleProperty().bind(legendShown);
    legend.managedProperty().bind(legendShown);
    setTop(new VBox(notice, legend));
    setCenter(center);
    listen();
    trace.addListener((obs, old, now) -> load(now));
    dark.addListener((obs, old, now) -> applyPalette());
    scale.addListener(
        (obs, old, now) -> {
          legend.setScale(scale());
          plot.requestLayout();
          moved();
        });
    applyPalette();
    load(null);
  }

  /** The trace shown, or {@code null} for none. */
  public ObjectProperty<TraceModel> traceProperty() {
    return trace;
  }

  /** The trace shown, or {@code null}. */
  public TraceModel getTrace() {
    return trace.get();
  }

  /** Shows {@code model}, fitted to the view; {@code null} shows the placeholder. */
  public void setTrace(TraceModel model) {
    trace.set(model);
  }

  /** Whether to draw in the dark palette; bind it to the app's theme. */
  public BooleanProperty darkProperty() {
    return dark;
  }

  /** Whether the timeline draws in its dark palette. */
  public boolean isDark() {
    return dark.get();
  }

  /** Draws in the dark palette, or the light one. */
  public void setDark(boolean value) {
    dark.set(value);
  }

  /**
   * How much larger than normal everything on the canvas is drawn: thread names, the axis, bars,
   * their text, markers and lane heights, and the legend's swatches; 1.0 by default. Bind it to the
   * window's zoom.
   */
  public DoubleProperty scaleProperty() {
    return scale;
  }

  /** Whether the legend shows above the timeline; {@code true} by default. */
  public BooleanProperty legendShownProperty() {
    return legendShown;
  }

  /**
   * The height this view needs to show {@code lanes} lanes of {@code laneHeight} (in the timeline's
   * own pixels, before its zoom) at {@code width}, with the notice, and with the legend if {@code
   * withLegend}, or else with the legend only if it shows.
   */
  double heightFor(int lanes, double laneHeight, double width, boolean withLegend) {
    double top = notice.isManaged() ? notice.prefHeight(width) : 0;
    if (withLegend || legend.isManaged()) {
      top += legend.prefHeight(width);
    }
    return top + TimelineLayout.contentHeight(lanes, laneHeight) * scale();
  }

  /** How many lanes (threads) the timeline shows. */
  public int laneCount() {
    return lanes.size();
  }

  /** The first visible instant, in nanoseconds since the interpreter started. */
  public ReadOnlyDoubleProperty visibleStartProperty() {
    return visibleStart.getReadOnlyProperty();
  }

  /** How many nanoseconds the view shows. */
  public ReadOnlyDoubleProperty visibleSpanProperty() {
    return visibleSpan.getReadOnlyProperty();
  }

  /** Shows the middle of the view 1.6 times larger. */
  public void zoomIn() {
    window.zoom(ZOOM_STEP);
    moved();
  }

  /** Shows 1.6 times more time around the middle of the view. */
  public void zoomOut() {
    window.zoom(1 / ZOOM_STEP);
    moved();
  }

  /** Shows the whole trace. */
  public void fit() {
    window.fit();
    moved();
  }

  /**
   * What a tooltip at {@code (x, y)} on the canvas would say: the segment or marker there, or the
   * thread's statistics over its name; empty over nothing.
   */
  Optional<String> describeAt(double x, double y) {
    return Optional.ofNullable(HitTest.at(trace.get(), lanes, geometry(), x / scale(), y / scale()))
        .map(HitTest.Hit::text);
  }

  /** The canvas x of an instant, for tests. */
  double xOf(double ns) {
    return geometry().x(ns) * scale();
  }

  /** The canvas y of the middle of a lane's bar, for tests. */
  double laneCenterY(int lane) {
    return geometry().laneCenter(lane) * scale();
  }

  /** The canvas y of the top of a lane's bar, for tests. */
  double barTopY(int lane) {
    return geometry().barTop(lane) * scale();
  }

  /** The height of one lane on the canvas, for tests. */
  double laneHeightOnCanvas() {
    return geometry().laneHeight() * scale();
  }

  /** The width of the thread-name column on the canvas, for tests. */
  double gutterOnCanvas() {
    return geometry().gutter() * scale();
  }

  /** Whether all of a lane is on the canvas now, for tests. */
  boolean isLaneWhollyVisible(int lane) {
    return geometry().isWhollyVisible(lane);
  }

  /** The scroll bar beside the lanes, shown when they do not all fit. */
  ScrollBar laneScrollBar() {
    return laneScroll;
  }

  /** The canvas the timeline is drawn on. */
  Canvas canvas() {
    return canvas;
  }

  /** Whether the placeholder text is showing instead of a timeline. */
  boolean isPlaceholderShown() {
    return placeholder.isVisible();
  }

  /** Whether the notice about dropped events is showing. */
  boolean isNoticeShown() {
    return notice.isVisible();
  }

  private void load(TraceModel model) {
    List<LaneIndex> indexes = new ArrayList<>();
    if (model != null) {
      for (Lane lane : model.lanes()) {
        indexes.add(new LaneIndex(lane));
      }
    }
    lanes = List.copyOf(indexes);
    hovered = null;
    tooltip.hide();
    scrollY = 0;
    gutter = gutterWidth();
    window.reset(model == null ? 0 : model.startNs(), model == null ? 0 : model.endNs());
    boolean empty = model == null || model.lanes().isEmpty();
    placeholder.setText(model == null ? NO_TRACE : NO_EVENTS);
    placeholder.setVisible(empty);
    if (model != null && model.isTruncated()) {
      notice.setText(
          String.format(
              Locale.ROOT,
              "Only the first %,d events are shown: %,d more did not fit in the trace (raise"
                  + " Interpreter.builder().traceCapacity(...)). The thread statistics are still"
                  + " exact.",
              model.eventCount(),
              model.droppedEvents()));
    }
    showNotice(model != null && model.isTruncated());
    legend.show(model);
    plot.requestLayout();
    moved();
  }

  private double gutterWidth() {
    double widest = measure.width("100% held · 999 takes", TimelinePainter.SMALL) + 54;
    for (LaneIndex lane : lanes) {
      widest = Math.max(widest, measure.width(lane.lane().name(), TimelinePainter.NAME) + 12);
    }
    return Math.min(240, Math.max(150, widest + 14));
  }

  private void showNotice(boolean show) {
    notice.setVisible(show);
    notice.setManaged(show);
  }

  private void applyPalette() {
    TimelinePalette p = TimelinePalette.of(dark.get());
    setStyle("-fx-background-color: " + css(p.background()) + ";");
    placeholder.setStyle("-fx-font-size: 14px; -fx-text-fill: " + css(p.mutedText()) + ";");
    notice.setStyle(
        "-fx-background-color: "
            + css(p.waitingFill())
            + "; -fx-text-fill: "
            + css(p.text())
            + "; -fx-border-color: transparent transparent "
            + css(p.waitingHatch())
            + " transparent;");
    legend.setStyle("-fx-background-color: " + css(p.gutter()) + ";");
    legend.lookupAll(".gil-timeline-legend-label").forEach(n -> ((Label) n).setTextFill(p.text()));
    legend.paint(p);
    redraw();
  }

  /** The zoom, kept within reason so a stray binding cannot make the canvas vanish. */
  private double scale() {
    double z = scale.get();
    return z > 0.25 && z < 8 ? z : 1;
  }

  private static String css(Color c) {
    return String.format(
        Locale.ROOT,
        "rgba(%d,%d,%d,%.3f)",
        Math.round(c.getRed() * 255),
        Math.round(c.getGreen() * 255),
        Math.round(c.getBlue() * 255),
        c.getOpacity());
  }

  private static boolean themeLooksDark() {
    String ua = Application.getUserAgentStylesheet();
    return ua != null && ua.toLowerCase(Locale.ROOT).contains("dark");
  }

  /** The layout in the timeline's own pixels: the canvas's size divided by the zoom. */
  private TimelineLayout geometry() {
    return TimelineLayout.of(
        canvas.getWidth() / scale(),
        canvas.getHeight() / scale(),
        gutter,
        lanes.size(),
        scrollY,
        window.start(),
        window.span());
  }

  private void moved() {
    TimelineLayout at = geometry();
    scrollY = Math.max(0, Math.min(scrollY, at.maxScrollY()));
    syncScrollBar(at);
    visibleStart.set(window.start());
    visibleSpan.set(window.span());
    redraw();
  }

  /** Shows the scroll bar when the lanes do not all fit, with its thumb where they are scrolled. */
  private void syncScrollBar(TimelineLayout at) {
    syncingScrollBar = true;
    try {
      laneScroll.setMax(at.maxScrollY());
      laneScroll.setVisibleAmount(Math.max(1, at.height() - TimelineLayout.AXIS_HEIGHT));
      laneScroll.setUnitIncrement(at.laneHeight());
      laneScroll.setBlockIncrement(Math.max(at.laneHeight(), at.height() / 2));
      laneScroll.setValue(scrollY);
    } finally {
      syncingScrollBar = false;
    }
    boolean needed = at.maxScrollY() > 0;
    if (laneScroll.isVisible() != needed) {
      laneScroll.setVisible(needed);
      plot.requestLayout();
    }
  }

  private void redraw() {
    if (canvas.getWidth() <= 0 || canvas.getHeight() <= 0) {
      return;
    }
    GraphicsContext g = canvas.getGraphicsContext2D();
    g.save();
    g.scale(scale(), scale());
    TimelinePainter painter =
        new TimelinePainter(g, geometry(), TimelinePalette.of(dark.get()), measure);
    TraceModel model = trace.get();
    if (model == null || lanes.isEmpty()) {
      painter.paintEmpty();
    } else {
      painter.paint(model, lanes, hovered);
    }
    g.restore();
  }

  // ------------------------------------------------------------------ the mouse and the keys

  private void listen() {
    plot.addEventHandler(
        ScrollEvent.SCROLL,
        e -> {
          if (lanes.isEmpty()) {
            return;
          }
          TimelineLayout at = geometry();
          double z = scale();
          if (e.isControlDown() || e.isShortcutDown()) {
            window.zoom(Math.pow(1.0025, e.getDeltaY()), at.ns(e.getX() / z));
          } else if (e.isShiftDown() || Math.abs(e.getDeltaX()) > Math.abs(e.getDeltaY())) {
            double d = e.isShiftDown() && e.getDeltaX() == 0 ? e.getDeltaY() : e.getDeltaX();
            window.pan(-d / z * at.nsPerPx());
          } else if (at.maxScrollY() > 0) {
            scrollY -= e.getDeltaY() / z;
          } else {
            window.pan(-e.getDeltaY() / z * at.nsPerPx());
          }
          moved();
          e.consume();
        });
    plot.addEventHandler(
        ZoomEvent.ZOOM,
        e -> {
          window.zoom(e.getZoomFactor(), geometry().ns(e.getX() / scale()));
          moved();
          e.consume();
        });
    plot.setOnMousePressed(
        e -> {
          plot.requestFocus();
          dragX = e.getX();
          dragY = e.getY();
        });
    plot.setOnMouseDragged(
        e -> {
          if (e.getButton() != MouseButton.PRIMARY || lanes.isEmpty()) {
            return;
          }
          plot.setCursor(Cursor.CLOSED_HAND);
          tooltip.hide();
          window.pan(-(e.getX() - dragX) / scale() * geometry().nsPerPx());
          scrollY -= (e.getY() - dragY) / scale();
          dragX = e.getX();
          dragY = e.getY();
          moved();
        });
    plot.setOnMouseReleased(e -> plot.setCursor(Cursor.DEFAULT));
    plot.setOnMouseClicked(
        e -> {
          if (e.getClickCount() == 2 && !lanes.isEmpty()) {
            window.zoom(e.isShiftDown() ? 1 / 2.0 : 2.0, geometry().ns(e.getX() / scale()));
            moved();
          }
        });
    plot.setOnMouseMoved(this::hover);
    plot.setOnMouseExited(
        e -> {
          tooltip.hide();
          if (hovered != null) {
            hovered = null;
            redraw();
          }
        });
    addEventHandler(KeyEvent.KEY_PRESSED, this::key);
  }

  private void key(KeyEvent e) {
    switch (e.getCode()) {
      case PLUS, ADD, EQUALS -> zoomIn();
      case MINUS, SUBTRACT -> zoomOut();
      case DIGIT0, NUMPAD0, HOME -> fit();
      case LEFT -> {
        window.pan(-window.span() / 8);
        moved();
      }
      case RIGHT -> {
        window.pan(window.span() / 8);
        moved();
      }
      case UP -> {
        scrollY -= geometry().laneHeight();
        moved();
      }
      case DOWN -> {
        scrollY += geometry().laneHeight();
        moved();
      }
      default -> {
        return;
      }
    }
    e.consume();
  }

  private void hover(MouseEvent e) {
    HitTest.Hit hit =
        HitTest.at(trace.get(), lanes, geometry(), e.getX() / scale(), e.getY() / scale());
    Object item = hit == null ? null : hit.item();
    if (item != hovered) {
      hovered = item;
      redraw();
    }
    if (hit == null) {
      tooltip.hide();
      return;
    }
    tooltip.setText(hit.text());
    if (tooltip.isShowing()) {
      tooltip.setX(e.getScreenX() + 14);
      tooltip.setY(e.getScreenY() + 18);
    } else {
      tooltip.show(plot, e.getScreenX() + 14, e.getScreenY() + 18);
    }
  }

  /**
   * Holds the canvas, and the scroll bar when the lanes need it, and keeps them the view's size.
   */
  private final class Plot extends Pane {
    @Override
    protected void layoutChildren() {
      double bar = laneScroll.isVisible() ? laneScroll.prefWidth(-1) : 0;
      double width = Math.max(0, getWidth() - bar);
      double height = Math.max(0, getHeight());
      laneScroll.resizeRelocate(width, 0, bar, height);
      if (canvas.getWidth() != width || canvas.getHeight() != height) {
        canvas.setWidth(width);
        canvas.setHeight(height);
        moved();
      }
    }

    @Override
    protected double computePrefWidth(double height) {
      return 760;
    }

    @Override
    protected double computePrefHeight(double width) {
      double lanesHeight = TimelineLayout.contentHeight(lanes.size(), TimelineLayout.LANE_HEIGHT);
      return Math.max(140, lanesHeight) * scale();
    }

    @Override
    protected double computeMinWidth(double height) {
      return 200;
    }

    @Override
    protected double computeMinHeight(double width) {
      return TimelineLayout.contentHeight(1, TimelineLayout.COMPACT_LANE_HEIGHT) * scale();
    }
  }
}

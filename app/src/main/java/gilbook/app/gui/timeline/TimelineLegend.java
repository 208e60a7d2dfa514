package gilbook.app.gui.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.util.Duration;

/**
 * What the timeline's colours and marks mean: one swatch, drawn exactly as on the timeline, and a
 * word or two each, short enough to fit on one line of a narrow window, with the whole explanation
 * in a tooltip. FX-thread only.
 */
final class TimelineLegend extends FlowPane {
  private static final double SWATCH_W = 30;
  private static final double SWATCH_H = 24;

  private final List<Item> items = new ArrayList<>();
  private final HBox holdingCpu;
  private final HBox exception;
  private TimelinePalette palette = TimelinePalette.LIGHT;
  private double scale = 1;

  private record Item(Canvas swatch, BiConsumer<GraphicsContext, TimelinePalette> draw) {}

  TimelineLegend() {
    super(14, 2);
    getStyleClass().add("gil-timeline-legend");
    setPadding(new Insets(3, 12, 3, 12));
    setAlignment(Pos.CENTER_LEFT);
    setMinWidth(0); // Wrap, and clip what still does not fit, rather than widen the window.
    add(
        "Holding the GIL",
        "The thread holds the GIL and runs Python code: from take to drop. Only one thread can"
            + " hold it at a time.",
        (g, p) -> bar(g, p, Segment.Kind.HOLDING));
    holdingCpu =
        add(
            "Computing, GIL held",
            "Work.cpu or a native call that keeps the GIL: no other thread can run Python"
                + " meanwhile.",
            (g, p) -> bar(g, p, Segment.Kind.HOLDING_CPU));
    add(
        "Waiting for the GIL",
        "The thread asked for the GIL (take_gil) and waits. After a switch interval it sets a"
            + " drop request.",
        (g, p) -> bar(g, p, Segment.Kind.WAITING));
    add(
        "Blocked",
        "The thread is blocked in I/O, sleep or join with the GIL released, so others can run.",
        (g, p) -> bar(g, p, Segment.Kind.BLOCKED));
    add(
        "Running without the GIL",
        "Computation that released the GIL (allowThreads, a large hashlib call): it runs in"
            + " parallel with Python code.",
        (g, p) -> bar(g, p, Segment.Kind.RUNNING_WITHOUT_GIL));
    add(
        "Drop request",
        "A waiter timed out after the switch interval and set gil_drop_request; the holder drops"
            + " the GIL at its next eval-breaker check. It sits on the lane of the waiter that"
            + " asks, and its arrow points at the holder.",
        (g, p) -> {
          Glyphs.segment(g, p, Segment.Kind.WAITING, 2, 12, SWATCH_W - 4, 9);
          Glyphs.marker(g, p, Marker.Kind.DROP_REQUEST, SWATCH_W / 2, SWATCH_W / 2, 12, 21);
        });
    add(
        "Forced switch",
        "After a drop on request, the dropper waits until another thread has taken the GIL, so it"
            + " cannot take it straight back.",
        (g, p) -> {
          Glyphs.segment(g, p, Segment.Kind.HOLDING, 1, 5, SWATCH_W / 2 - 1, 14);
          Glyphs.segment(g, p, Segment.Kind.WAITING, SWATCH_W / 2, 5, SWATCH_W / 2 - 1, 14);
          Glyphs.marker(g, p, Marker.Kind.FORCED_SWITCH, SWATCH_W / 2, SWATCH_W / 2, 5, 19);
        });
    add(
        "Start / exit",
        "Where the thread began and ended; the thin line between shows it was alive.",
        (g, p) -> {
          g.setStroke(p.lifeline());
          g.setLineWidth(1);
          g.strokeLine(6, 17.5, SWATCH_W - 6, 17.5);
          Glyphs.marker(g, p, Marker.Kind.THREAD_START, 6, 6, 14, 21);
          Glyphs.marker(g, p, Marker.Kind.THREAD_EXIT, SWATCH_W - 6, SWATCH_W - 6, 14, 21);
        });
    exception =
        add(
            "Exception",
            "An exception escaped the thread's body; hover it on the timeline to read it.",
            (g, p) ->
                Glyphs.marker(g, p, Marker.Kind.EXCEPTION, SWATCH_W / 2, SWATCH_W / 2, 16, 22));
    show(null);
  }

  /** Shows the optional entries only when {@code model} has such segments or markers. */
  void show(TraceModel model) {
    boolean cpu = false;
    boolean error = false;
    if (model != null) {
      for (Lane lane : model.lanes()) {
        cpu |= lane.segments().stream().anyMatch(s -> s.kind() == Segment.Kind.HOLDING_CPU);
        error |= lane.markers().stream().anyMatch(m -> m.kind() == Marker.Kind.EXCEPTION);
      }
    }
    holdingCpu.setVisible(cpu);
    holdingCpu.setManaged(cpu);
    exception.setVisible(error);
    exception.setManaged(error);
  }

  /** Redraws every swatch in {@code palette}'s colours. */
  void paint(TimelinePalette palette) {
    this.palette = palette;
    for (Item item : items) {
      Canvas swatch = item.swatch();
      swatch.setWidth(SWATCH_W * scale);
      swatch.setHeight(SWATCH_H * scale);
      GraphicsContext g = swatch.getGraphicsContext2D();
      g.clearRect(0, 0, swatch.getWidth(), swatch.getHeight());
      g.save();
      g.scale(scale, scale);
      item.draw().accept(g, palette);
      g.restore();
    }
  }

  /** Draws the swatches {@code scale} times their normal size, as the timeline is drawn. */
  void setScale(double scale) {
    this.scale = scale;
    paint(palette);
  }

  private static void bar(GraphicsContext g, TimelinePalette p, Segment.Kind kind) {
    Glyphs.segment(g, p, kind, 1, 5, SWATCH_W - 2, 14);
  }

  private HBox add(
      String text, String explanation, BiConsumer<GraphicsContext, TimelinePalette> draw) {
    Canvas swatch = new Canvas(SWATCH_W, SWATCH_H);
    items.add(new Item(swatch, draw));
    Label label = new Label(text);
    label.getStyleClass().add("gil-timeline-legend-label");
    HBox box = new HBox(6, swatch, label);
    box.setAlignment(Pos.CENTER_LEFT);
    Tooltip tip = new Tooltip(explanation);
    tip.setWrapText(true);
    tip.setMaxWidth(360);
    tip.setShowDelay(Duration.millis(250));
    Tooltip.install(box, tip);
    getChildren().add(box);
    return box;
  }
}

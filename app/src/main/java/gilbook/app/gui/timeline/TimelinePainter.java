package gilbook.app.gui.timeline;

import static gilbook.app.gui.timeline.TimelineLayout.AXIS_HEIGHT;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Paints a trace onto the timeline's canvas: lane stripes, the grid, segments, drop-request links,
 * markers, the thread names and the time axis, in that order. It draws only what is visible, and
 * skips bars that would land on pixels already painted. It draws in the layout's pixels: the view
 * scales the canvas for its zoom before, so text, bars and marks all grow together. FX-thread only.
 */
final class TimelinePainter {
  static final Font LABEL = Font.font(Font.getDefault().getFamily(), 11);
  static final Font NAME = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, 12.5);
  static final Font SMALL = Font.font(Font.getDefault().getFamily(), 10.5);

  private final GraphicsContext g;
  private final TimelineLayout at;
  private final TimelinePalette p;
  private final TextMeasure measure;
  private boolean hidden;

  TimelinePainter(GraphicsContext g, TimelineLayout at, TimelinePalette p, TextMeasure measure) {
    this.g = g;
    this.at = at;
    this.p = p;
    this.measure = measure;
  }

  /** Paints the background only: there is no trace to show. */
  void paintEmpty() {
    // Clearing the whole canvas also drops the drawing commands still queued from before.
    g.clearRect(0, 0, at.width(), at.height());
    g.setFill(p.background());
    g.fillRect(0, 0, at.width(), at.height());
  }

  /**
   * Paints {@code model}; {@code hovered} (a segment, a marker or {@code null}) gets an outline.
   */
  void paint(TraceModel model, List<LaneIndex> lanes, Object hovered) {
    paintEmpty();
    List<TimeAxis.Tick> ticks =
        TimeAxis.ticks(at.startNs(), at.startNs() + at.spanNs(), at.plotWidth(), 96);
    stripes(lanes.size());
    grid(ticks);
    g.save();
    g.beginPath();
    g.rect(at.gutter(), AXIS_HEIGHT, at.width() - at.gutter(), at.height() - AXIS_HEIGHT);
    g.clip();
    for (int i = 0; i < lanes.size(); i++) {
      if (at.isVisible(i)) {
        lane(i, lanes.get(i), hovered);
      }
    }
    links(lanes);
    for (int i = 0; i < lanes.size(); i++) {
      if (at.isVisible(i)) {
        markers(i, lanes.get(i), hovered);
      }
    }
    g.restore();
    gutter(model, lanes);
    axis(ticks);
    if (hidden) {
      hint("Zoom in to see every drop request and forced switch");
    }
  }

  private void hint(String text) {
    g.setFont(LABEL);
    double w = measure.width(text, LABEL) + 16;
    double x = at.width() - w - 12;
    double y = at.height() - 28;
    g.setFill(p.background().deriveColor(0, 1, 1, 0.92));
    g.fillRoundRect(x, y, w, 20, 10, 10);
    g.setStroke(p.grid());
    g.setLineWidth(1);
    g.strokeRoundRect(x + 0.5, y + 0.5, w - 1, 19, 10, 10);
    g.setFill(p.mutedText());
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.CENTER);
    g.fillText(text, x + w / 2, y + 10.5);
  }

  /** The fewest pixels per marker, on average, at which a lane's markers of one kind are drawn. */
  static final double MARKER_ROOM = 14;

  /**
   * Whether a lane has so many drop requests or forced switches in view that drawing each would
   * bury the bars; then they are left out until the user zooms in.
   */
  static boolean crowded(LaneIndex index, Marker.Kind kind, TimelineLayout at) {
    if (kind != Marker.Kind.DROP_REQUEST && kind != Marker.Kind.FORCED_SWITCH) {
      return false;
    }
    int limit = (int) (at.plotWidth() / MARKER_ROOM);
    List<Marker> markers = index.lane().markers();
    int count = 0;
    for (int k = index.firstMarkerFrom(at.startNs()); k < markers.size(); k++) {
      Marker m = markers.get(k);
      if (m.time() > at.startNs() + at.spanNs()) {
        break;
      }
      if (m.kind() == kind && ++count > limit) {
        return true;
      }
    }
    return false;
  }

  private void stripes(int lanes) {
    g.setFill(p.laneStripe());
    for (int i = 1; i < lanes; i += 2) {
      if (at.isVisible(i)) {
        g.fillRect(at.gutter(), at.laneTop(i), at.width() - at.gutter(), at.laneHeight());
      }
    }
  }

  private void grid(List<TimeAxis.Tick> ticks) {
    g.setStroke(p.grid());
    g.setLineWidth(1);
    double bottom = Math.min(at.height(), at.laneTop(at.lanes()));
    for (TimeAxis.Tick t : ticks) {
      double x = Math.round(at.x(t.ns())) + 0.5;
      g.strokeLine(x, AXIS_HEIGHT, x, bottom);
    }
  }

  private void lane(int i, LaneIndex index, Object hovered) {
    Lane lane = index.lane();
    double top = at.barTop(i);
    double h = at.barHeight();
    g.setStroke(p.lifeline().deriveColor(0, 1, 1, 0.55));
    g.setLineWidth(1);
    double cy = Math.round(at.laneCenter(i)) + 0.5;
    g.strokeLine(
        Math.max(at.gutter(), at.x(lane.start())), cy, Math.min(at.width(), at.x(lane.end())), cy);

    double visibleEnd = at.startNs() + at.spanNs();
    double[] paintedUpTo = new double[Segment.Kind.values().length];
    Arrays.fill(paintedUpTo, Double.NEGATIVE_INFINITY);
    List<Segment> segments = lane.segments();
    List<Label> labels = new ArrayList<>();
    for (int k = index.firstSegmentFrom(at.startNs()); k < segments.size(); k++) {
      Segment s = segments.get(k);
      if (s.start() > visibleEnd) {
        break;
      }
      double x0 = at.x(s.start());
      double x1 = at.x(s.end());
      int kind = s.kind().ordinal();
      if (x1 < paintedUpTo[kind] && s != hovered) {
        continue;
      }
      double x = Math.max(x0, at.gutter() - 8);
      double w = Math.min(x1, at.width() + 8) - x;
      Glyphs.segment(g, p, s.kind(), x, top, w, h);
      paintedUpTo[kind] = x + Math.max(1, w);
      if (s.kind() == Segment.Kind.HOLDING_CPU
          && !labels.isEmpty()
          && labels.get(labels.size() - 1).segment().kind() == Segment.Kind.HOLDING
          && labels.get(labels.size() - 1).segment().end() > s.start()) {
        labels.remove(labels.size() - 1); // The computation drawn over the hold hides its label.
      }
      if (w >= 28) {
        labels.add(new Label(s, x, w));
      }
      if (s == hovered) {
        g.setStroke(p.hover());
        g.setLineWidth(1.5);
        g.strokeRoundRect(x - 1.5, top - 1.5, Math.max(1, w) + 3, h + 3, 6, 6);
      }
    }
    for (Label l : labels) {
      label(l.segment(), l.x(), l.w(), top, h);
    }
  }

  /** A bar wide enough to maybe carry a label, drawn after every bar of its lane. */
  private record Label(Segment segment, double x, double w) {}

  private void label(Segment s, double x, double w, double top, double h) {
    if (w < 28) {
      return;
    }
    String time = TimeFormat.compact(s.length());
    String full =
        switch (s.kind()) {
          case HOLDING, WAITING -> time;
          case BLOCKED, RUNNING_WITHOUT_GIL, HOLDING_CPU ->
              s.cause().isEmpty() ? time : s.cause() + " · " + time;
        };
    String text = measure.width(full, LABEL) + 10 <= w ? full : time;
    if (measure.width(text, LABEL) + 10 > w) {
      return;
    }
    // Keep the label on screen when the bar is wider than the view.
    double left = Math.max(x, at.plotLeft() - TimelineLayout.PAD);
    double right = Math.min(x + w, at.width());
    double tw = measure.width(text, LABEL);
    if (right - left < tw + 10) {
      return;
    }
    g.setFill(s.kind() == Segment.Kind.WAITING ? p.onWaiting() : p.onStrong());
    g.setFont(LABEL);
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.CENTER);
    if (s.kind() == Segment.Kind.WAITING) {
      g.setFill(p.background().deriveColor(0, 1, 1, 0.85));
      g.fillRoundRect((left + right) / 2 - tw / 2 - 4, top + 3, tw + 8, h - 6, 4, 4);
      g.setFill(p.onWaiting());
    }
    g.fillText(text, (left + right) / 2, top + h / 2 + 0.5);
  }

  private void links(List<LaneIndex> lanes) {
    Map<Long, Integer> row = new HashMap<>();
    for (int i = 0; i < lanes.size(); i++) {
      row.put(lanes.get(i).lane().threadId(), i);
    }
    g.setStroke(p.dropRequest().deriveColor(0, 1, 1, 0.8));
    g.setFill(p.dropRequest());
    g.setLineWidth(1.2);
    double lastX = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < lanes.size(); i++) {
      if (crowded(lanes.get(i), Marker.Kind.DROP_REQUEST, at)) {
        continue;
      }
      List<Marker> markers = lanes.get(i).lane().markers();
      for (int k = lanes.get(i).firstMarkerFrom(at.startNs()); k < markers.size(); k++) {
        Marker m = markers.get(k);
        if (m.time() > at.startNs() + at.spanNs()) {
          break;
        }
        if (m.kind() != Marker.Kind.DROP_REQUEST || m.target().isEmpty()) {
          continue;
        }
        Integer j = row.get(m.target().getAsLong());
        double x = Math.round(at.x(m.time())) + 0.5;
        if (j == null || Math.abs(x - lastX) < 3) {
          continue;
        }
        lastX = x;
        boolean down = j > i;
        double y0 = down ? at.barBottom(i) + 1 : at.barTop(i) - 11;
        double y1 = down ? at.barTop(j) - 2 : at.barBottom(j) + 2;
        g.setLineDashes(3, 3);
        g.strokeLine(x, y0, x, y1);
        g.setLineDashes();
        double dir = down ? -1 : 1;
        g.fillPolygon(
            new double[] {x - 3.5, x + 3.5, x}, new double[] {y1 + dir * 5, y1 + dir * 5, y1}, 3);
      }
    }
  }

  private void markers(int i, LaneIndex index, Object hovered) {
    List<Marker> markers = index.lane().markers();
    boolean[] hide = new boolean[Marker.Kind.values().length];
    for (Marker.Kind kind : Marker.Kind.values()) {
      hide[kind.ordinal()] = crowded(index, kind, at);
      hidden |= hide[kind.ordinal()];
    }
    double[] lastX = new double[Marker.Kind.values().length];
    Arrays.fill(lastX, Double.NEGATIVE_INFINITY);
    for (int k = index.firstMarkerFrom(at.startNs()); k < markers.size(); k++) {
      Marker m = markers.get(k);
      if (m.time() > at.startNs() + at.spanNs()) {
        break;
      }
      double x = at.x(m.time());
      int kind = m.kind().ordinal();
      if (hide[kind] || (Math.abs(x - lastX[kind]) < 3 && m != hovered)) {
        continue;
      }
      lastX[kind] = x;
      Glyphs.marker(g, p, m.kind(), x, at.x(m.end()), at.barTop(i), at.barBottom(i));
      if (m == hovered) {
        g.setStroke(p.hover());
        g.setLineWidth(1.5);
        double[] box = MarkerShapes.bounds(m.kind(), x, at.barTop(i), at.barBottom(i));
        g.strokeRoundRect(box[0] - 2, box[1] - 2, box[2] - box[0] + 4, box[3] - box[1] + 4, 4, 4);
      }
    }
  }

  private void gutter(TraceModel model, List<LaneIndex> lanes) {
    g.setFill(p.gutter());
    g.fillRect(0, AXIS_HEIGHT, at.gutter(), at.height() - AXIS_HEIGHT);
    g.setStroke(p.grid());
    g.setLineWidth(1);
    double edge = Math.round(at.gutter()) - 0.5;
    g.strokeLine(edge, 0, edge, at.height());
    g.setTextAlign(TextAlignment.LEFT);
    g.setTextBaseline(VPos.BASELINE);
    for (int i = 0; i < lanes.size(); i++) {
      if (!at.isVisible(i)) {
        continue;
      }
      Lane lane = lanes.get(i).lane();
      ThreadSummary s = model.threadSummary(lane.threadId()).orElse(null);
      double share = model.heldShare(lane.threadId());
      double middle = at.laneTop(i) + at.laneHeight() / 2;
      if (at.twoLineLabels()) {
        twoLineLabel(lane, s, share, middle);
      } else {
        oneLineLabel(lane, share, middle);
      }
    }
  }

  /** The name, and under it a small gauge of the thread's share of the GIL, then the numbers. */
  private void twoLineLabel(Lane lane, ThreadSummary s, double share, double middle) {
    double maxText = at.gutter() - 22;
    g.setTextAlign(TextAlignment.LEFT);
    g.setFont(NAME);
    g.setFill(p.text());
    g.fillText(fit(lane.name(), NAME, maxText), 12, middle - 3);
    if (s == null) {
      return;
    }
    g.setFill(p.grid());
    g.fillRoundRect(12, middle + 6, 36, 5, 4, 4);
    g.setFill(p.holding());
    g.fillRoundRect(12, middle + 6, Math.max(share > 0 ? 2 : 0, 36 * share), 5, 4, 4);
    g.setFont(SMALL);
    g.setFill(p.mutedText());
    g.fillText(fit(shareLine(s, share), SMALL, maxText - 42), 54, middle + 12);
  }

  /** A compact lane: the name, and the share of the GIL at the gutter's right edge. */
  private void oneLineLabel(Lane lane, double share, double middle) {
    String percent = Math.round(100 * share) + "%";
    double right = at.gutter() - 10;
    double percentWidth = measure.width(percent, SMALL);
    g.setFont(SMALL);
    g.setFill(p.mutedText());
    g.setTextAlign(TextAlignment.RIGHT);
    g.fillText(percent, right, middle + 4);
    g.setFont(NAME);
    g.setFill(p.text());
    g.setTextAlign(TextAlignment.LEFT);
    g.fillText(fit(lane.name(), NAME, right - percentWidth - 8 - 12), 12, middle + 4.5);
  }

  /** What a lane's label says under the thread's name: {@code 92% held · 1 take}. */
  static String shareLine(ThreadSummary s, double share) {
    return Math.round(100 * share)
        + "% held · "
        + s.acquisitions()
        + (s.acquisitions() == 1 ? " take" : " takes");
  }

  private String fit(String text, Font font, double max) {
    if (measure.width(text, font) <= max) {
      return text;
    }
    String s = text;
    while (s.length() > 1 && measure.width(s + "…", font) > max) {
      s = s.substring(0, s.length() - 1);
    }
    return s + "…";
  }

  private void axis(List<TimeAxis.Tick> ticks) {
    g.setFill(p.background());
    g.fillRect(0, 0, at.width(), AXIS_HEIGHT);
    g.setStroke(p.grid());
    g.setLineWidth(1);
    g.strokeLine(0, AXIS_HEIGHT - 0.5, at.width(), AXIS_HEIGHT - 0.5);
    g.setFont(LABEL);
    g.setTextBaseline(VPos.BASELINE);
    g.setTextAlign(TextAlignment.LEFT);
    g.setFill(p.mutedText());
    g.fillText(
        fit("showing " + TimeFormat.compact(Math.round(at.spanNs())), LABEL, at.gutter() - 16),
        16,
        AXIS_HEIGHT - 10);
    g.setStroke(p.mutedText());
    g.setTextAlign(TextAlignment.CENTER);
    g.setFill(p.text());
    for (TimeAxis.Tick t : ticks) {
      double x = Math.round(at.x(t.ns())) + 0.5;
      g.strokeLine(x, AXIS_HEIGHT - 6, x, AXIS_HEIGHT - 1);
      double w = measure.width(t.label(), LABEL);
      double cx = Math.max(at.gutter() + w / 2 + 3, Math.min(at.width() - w / 2 - 3, x));
      g.fillText(t.label(), cx, AXIS_HEIGHT - 11);
    }
  }
}

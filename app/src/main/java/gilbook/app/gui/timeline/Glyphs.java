package gilbook.app.gui.timeline;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * Draws one segment bar or one marker, the same way on the timeline and in its legend. FX-thread
 * only, like the {@link GraphicsContext} it draws on.
 */
final class Glyphs {
  /** How far apart the waiting bars' hatch lines are, in pixels. */
  private static final double HATCH_GAP = 5;

  private Glyphs() {}

  /** Draws a segment's bar in the rectangle {@code x, y, w, h}; {@code w} may be under a pixel. */
  static void segment(
      GraphicsContext g,
      TimelinePalette p,
      Segment.Kind kind,
      double x,
      double y,
      double w,
      double h) {
    // A hold of an instant (take, then drop for I/O) still shows as a thin tick.
    double width = Math.max(kind == Segment.Kind.HOLDING ? 2 : 1, w);
    switch (kind) {
      case WAITING -> waiting(g, p, x, y, width, h);
      case HOLDING, HOLDING_CPU, BLOCKED, RUNNING_WITHOUT_GIL -> {
        g.setFill(p.color(kind));
        if (width >= 6) {
          g.fillRoundRect(x, y, width, h, 5, 5);
        } else {
          g.fillRect(x, y, width, h);
        }
      }
    }
  }

  private static void waiting(
      GraphicsContext g, TimelinePalette p, double x, double y, double w, double h) {
    if (w < 3) {
      g.setFill(p.waitingHatch().deriveColor(0, 1, 1, 0.7));
      g.fillRect(x, y, w, h);
      return;
    }
    g.setFill(p.waitingFill());
    g.fillRect(x, y, w, h);
    g.save();
    g.beginPath();
    g.rect(x, y, w, h);
    g.clip();
    g.setStroke(p.waitingHatch().deriveColor(0, 1, 1, 0.6));
    g.setLineWidth(1);
    // Lines at 45 degrees, anchored to absolute x so the hatching does not crawl while panning.
    double first = Math.floor((x - h) / HATCH_GAP) * HATCH_GAP;
    for (double k = first; k < x + w; k += HATCH_GAP) {
      g.strokeLine(k, y + h, k + h, y);
    }
    g.restore();
    g.setStroke(p.waitingHatch());
    g.strokeLine(x, y + 0.5, x + w, y + 0.5);
    g.strokeLine(x, y + h - 0.5, x + w, y + h - 0.5);
  }

  /**
   * Draws a marker at {@code x} for a bar that spans {@code barTop..barBottom}: drop requests and
   * exceptions above the bar, forced switches on it, and a thread's start and exit as flags. {@code
   * xEnd} is where a marker with a duration ends.
   */
  static void marker(
      GraphicsContext g,
      TimelinePalette p,
      Marker.Kind kind,
      double x,
      double xEnd,
      double barTop,
      double barBottom) {
    Color c = p.color(kind);
    g.setFill(c);
    g.setStroke(c);
    switch (kind) {
      case DROP_REQUEST ->
          g.fillPolygon(
              new double[] {x - 5, x + 5, x},
              new double[] {barTop - 10, barTop - 10, barTop - 1},
              3);
      case FORCED_SWITCH -> {
        // On the bar, where the hold ends, ringed in the background colour to stand out.
        double cy = (barTop + barBottom) / 2;
        if (xEnd - x >= 2) {
          g.fillRect(x, barBottom + 1, xEnd - x, 2);
        }
        g.setFill(p.background());
        g.fillPolygon(new double[] {x, x + 7, x, x - 7}, new double[] {cy - 7, cy, cy + 7, cy}, 4);
        g.setFill(c);
        g.fillPolygon(new double[] {x, x + 5, x, x - 5}, new double[] {cy - 5, cy, cy + 5, cy}, 4);
      }
      case THREAD_START -> {
        g.setLineWidth(1.5);
        g.strokeLine(x, barTop - 9, x, barBottom + 4);
        g.fillPolygon(
            new double[] {x, x + 7, x}, new double[] {barTop - 10, barTop - 7, barTop - 4}, 3);
      }
      case THREAD_EXIT -> {
        g.setLineWidth(1.5);
        g.strokeLine(x, barTop - 9, x, barBottom + 4);
        g.fillRect(x - 6.5, barTop - 10, 6.5, 6);
      }
      case EXCEPTION -> {
        g.fillOval(x - 6, barTop - 14, 12, 12);
        g.setFill(Color.WHITE);
        g.fillRect(x - 0.75, barTop - 11.5, 1.5, 4.5);
        g.fillRect(x - 0.75, barTop - 5.5, 1.5, 1.5);
      }
    }
  }
}

package gilbook.app.gui.timeline;

import static gilbook.app.gui.timeline.TimeFormat.duration;
import static gilbook.app.gui.timeline.TimeFormat.ms;

import java.util.List;

/**
 * Finds what is under the mouse on the timeline, the same way it was drawn: markers first (only
 * those drawn at this zoom), then bars, with a few pixels of slack for bars thinner than a pixel.
 * Stateless and thread-safe.
 */
final class HitTest {
  private HitTest() {}

  /** A segment, a marker or a lane under the mouse, and what to say about it. */
  record Hit(Object item, String text) {}

  /**
   * What is at {@code (x, y)} on the canvas laid out as {@code at}: a marker, else a segment, else
   * over a thread's name the thread; {@code null} over nothing.
   */
  static Hit at(TraceModel model, List<LaneIndex> lanes, TimelineLayout at, double x, double y) {
    int i = at.laneAt(y);
    if (model == null || i < 0 || x < 0 || x > at.width()) {
      return null;
    }
    LaneIndex index = lanes.get(i);
    if (x < at.gutter()) {
      return new Hit(index.lane(), threadStory(model, index.lane()));
    }
    Marker m = markerAt(at, index, i, x, y);
    if (m != null) {
      return new Hit(m, m.description());
    }
    Segment s = segmentAt(at, index, x);
    return s == null ? null : new Hit(s, s.description());
  }

  private static Marker markerAt(TimelineLayout at, LaneIndex index, int lane, double x, double y) {
    List<Marker> markers = index.lane().markers();
    double reach = 10 * at.nsPerPx();
    boolean[] crowded = new boolean[Marker.Kind.values().length];
    for (Marker.Kind kind : Marker.Kind.values()) {
      crowded[kind.ordinal()] = TimelinePainter.crowded(index, kind, at);
    }
    Marker best = null;
    double bestDistance = Double.MAX_VALUE;
    for (int k = index.firstMarkerFrom(at.ns(x) - reach); k < markers.size(); k++) {
      Marker m = markers.get(k);
      if (m.time() > at.ns(x) + reach) {
        break;
      }
      if (crowded[m.kind().ordinal()]) {
        continue; // Not drawn at this zoom, so not there to point at.
      }
      double mx = at.x(m.time());
      double[] box = MarkerShapes.bounds(m.kind(), mx, at.barTop(lane), at.barBottom(lane));
      if (x >= box[0] - 2 && x <= box[2] + 2 && y >= box[1] - 2 && y <= box[3] + 2) {
        double d = Math.abs(x - mx);
        if (d < bestDistance) {
          best = m;
          bestDistance = d;
        }
      }
    }
    return best;
  }

  private static Segment segmentAt(TimelineLayout at, LaneIndex index, double x) {
    double t = at.ns(x);
    double tolerance = 3 * at.nsPerPx();
    List<Segment> segments = index.lane().segments();
    Segment best = null;
    double bestScore = Double.MAX_VALUE;
    for (int k = index.firstSegmentFrom(t - tolerance); k < segments.size(); k++) {
      Segment s = segments.get(k);
      if (s.start() > t + tolerance) {
        break;
      }
      if (s.end() < t - tolerance) {
        continue;
      }
      double distance = t < s.start() ? s.start() - t : t > s.end() ? t - s.end() : 0;
      // The computation drawn on top of a hold wins over the hold around it.
      double score = distance - (s.kind() == Segment.Kind.HOLDING_CPU ? 0.5 : 0);
      if (score < bestScore) {
        best = s;
        bestScore = score;
      }
    }
    return best;
  }

  private static String threadStory(TraceModel model, Lane lane) {
    ThreadSummary s = model.threadSummary(lane.threadId()).orElse(null);
    String alive = "alive " + ms(lane.start()) + " → " + ms(lane.end());
    if (s == null) {
      return lane.name() + " (thread " + lane.threadId() + "): " + alive;
    }
    return lane.name()
        + " (thread "
        + lane.threadId()
        + "), "
        + alive
        + "\nheld the GIL "
        + duration(s.heldNs())
        + " in "
        + s.acquisitions()
        + (s.acquisitions() == 1 ? " take" : " takes")
        + ", longest hold "
        + duration(s.longestHoldNs())
        + "\nwaited "
        + duration(s.waitedNs())
        + ", blocked "
        + duration(s.blockedNs())
        + ", ran without the GIL "
        + duration(s.ranWithoutGilNs())
        + "\nasked for a drop "
        + s.dropRequestsCaused()
        + (s.dropRequestsCaused() == 1 ? " time" : " times")
        + ", waited for a forced switch "
        + s.forcedSwitchWaits()
        + (s.forcedSwitchWaits() == 1 ? " time" : " times");
  }
}

package gilbook.app.gui.timeline;

import static gilbook.app.gui.timeline.TimeFormat.duration;
import static gilbook.app.gui.timeline.TimeFormat.ms;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Links each drop request to the thread that held the GIL when it was made, and each forced switch
 * to the thread that took the GIL, and tells both stories in words. Stateless and thread-safe.
 */
final class HandOffs {
  private HandOffs() {}

  /** The lanes with their drop-request and forced-switch markers linked and described. */
  static List<Lane> link(List<Lane> lanes) {
    List<List<Segment>> holds = new ArrayList<>();
    for (Lane lane : lanes) {
      holds.add(lane.segments(Segment.Kind.HOLDING));
    }
    List<Lane> out = new ArrayList<>(lanes.size());
    for (int i = 0; i < lanes.size(); i++) {
      Lane lane = lanes.get(i);
      List<Marker> markers = new ArrayList<>(lane.markers().size());
      for (Marker m : lane.markers()) {
        markers.add(
            switch (m.kind()) {
              case DROP_REQUEST -> dropRequest(lanes, holds, i, m);
              case FORCED_SWITCH -> forcedSwitch(lanes, holds, i, m);
              default -> m;
            });
      }
      out.add(
          new Lane(
              lane.threadId(), lane.name(), lane.start(), lane.end(), lane.segments(), markers));
    }
    return out;
  }

  private static Marker dropRequest(
      List<Lane> lanes, List<List<Segment>> holds, int asker, Marker m) {
    Lane lane = lanes.get(asker);
    long t = m.time();
    StringBuilder story = new StringBuilder("drop request at ").append(ms(t)).append(": ");
    story.append(lane.name());
    Segment wait = containing(lane.segments(Segment.Kind.WAITING), t);
    if (wait != null) {
      story.append(" had waited ").append(duration(t - wait.start())).append(" for the GIL and");
    }
    for (int j = 0; j < lanes.size(); j++) {
      Segment hold = j == asker ? null : containing(holds.get(j), t);
      if (hold != null) {
        String holder = lanes.get(j).name();
        story
            .append(" asked ")
            .append(holder)
            .append(" to drop it; ")
            .append(holder)
            .append(" had held it since ")
            .append(ms(hold.start()))
            .append(" and dropped it at ")
            .append(ms(hold.end()));
        return new Marker(
            m.kind(), t, m.duration(), OptionalLong.of(lanes.get(j).threadId()), story.toString());
      }
    }
    story.append(" asked for a drop, but no other thread held the GIL at that instant");
    return new Marker(m.kind(), t, m.duration(), OptionalLong.empty(), story.toString());
  }

  private static Marker forcedSwitch(
      List<Lane> lanes, List<List<Segment>> holds, int dropper, Marker m) {
    long t = m.time();
    String name = lanes.get(dropper).name();
    int taker = -1;
    long takenAt = Long.MAX_VALUE;
    for (int j = 0; j < lanes.size(); j++) {
      if (j == dropper) {
        continue;
      }
      Segment next = firstStartingAtOrAfter(holds.get(j), t);
      if (next != null && next.start() <= m.end() && next.start() < takenAt) {
        taker = j;
        takenAt = next.start();
      }
    }
    String waited =
        m.duration() == 0
            ? "(no wait: it was taken at once)"
            : "(waited " + duration(m.duration()) + ", " + ms(t) + " → " + ms(m.end()) + ")";
    if (taker < 0) {
      return new Marker(
          m.kind(),
          t,
          m.duration(),
          OptionalLong.empty(),
          "forced switch at "
              + ms(t)
              + ": "
              + name
              + " dropped the GIL and waited for another thread to take it "
              + waited);
    }
    String other = lanes.get(taker).name();
    return new Marker(
        m.kind(),
        t,
        m.duration(),
        OptionalLong.of(lanes.get(taker).threadId()),
        "forced switch at "
            + ms(t)
            + ": "
            + name
            + " dropped the GIL and waited until "
            + other
            + " took it, so it could not take it straight back "
            + waited);
  }

  /** The segment of a sorted, non-overlapping list that contains {@code t}, or {@code null}. */
  static Segment containing(List<Segment> sorted, long t) {
    int lo = 0;
    int hi = sorted.size() - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted.get(mid).start() <= t) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found >= 0 && sorted.get(found).contains(t) ? sorted.get(found) : null;
  }

  private static Segment firstStartingAtOrAfter(List<Segment> sorted, long t) {
    int lo = 0;
    int hi = sorted.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted.get(mid).start() < t) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo < sorted.size() ? sorted.get(lo) : null;
  }
}

package gilbook.app.gui.timeline;

/**
 * Adds up one lane into its thread's statistics, from the very segments and markers the lane draws,
 * so that the lane, the percentage beside it and the table cannot disagree. A hold or a wait still
 * open when the trace ends counts up to the end of the trace, exactly as the lane draws it.
 * Stateless and thread-safe.
 */
final class LaneTotals {
  private LaneTotals() {}

  /** The statistics of {@code lane}'s thread: every total is a sum of the lane's own bars. */
  static ThreadSummary of(Lane lane) {
    long longestHold = 0;
    for (Segment s : lane.segments(Segment.Kind.HOLDING)) {
      longestHold = Math.max(longestHold, s.length());
    }
    return new ThreadSummary(
        lane.threadId(),
        lane.name(),
        total(lane, Segment.Kind.HOLDING),
        total(lane, Segment.Kind.WAITING),
        total(lane, Segment.Kind.BLOCKED),
        total(lane, Segment.Kind.RUNNING_WITHOUT_GIL),
        // Each take starts one hold bar, the last one possibly still open.
        lane.segments(Segment.Kind.HOLDING).size(),
        longestHold,
        lane.markers(Marker.Kind.DROP_REQUEST).size(),
        lane.markers(Marker.Kind.FORCED_SWITCH).size());
  }

  private static long total(Lane lane, Segment.Kind kind) {
    return lane.segments(kind).stream().mapToLong(Segment::length).sum();
  }
}

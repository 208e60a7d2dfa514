package gilbook.app.gui.timeline;

import java.util.List;

/**
 * Finds a lane's segments and markers near an instant in logarithmic time, so drawing and hit
 * testing cost what is visible, not what the trace holds. Immutable and thread-safe.
 */
final class LaneIndex {
  private final Lane lane;
  private final long[] maxEndUpTo;
  private final long[] markerEnds;

  LaneIndex(Lane lane) {
    this.lane = lane;
    List<Segment> segments = lane.segments();
    maxEndUpTo = new long[segments.size()];
    long max = Long.MIN_VALUE;
    for (int i = 0; i < maxEndUpTo.length; i++) {
      max = Math.max(max, segments.get(i).end());
      maxEndUpTo[i] = max;
    }
    List<Marker> markers = lane.markers();
    markerEnds = new long[markers.size()];
    max = Long.MIN_VALUE;
    for (int i = 0; i < markerEnds.length; i++) {
      max = Math.max(max, markers.get(i).end());
      markerEnds[i] = max;
    }
  }

  Lane lane() {
    return lane;
  }

  /**
   * The index of the first segment that ends at or after {@code t}; segments before it end earlier.
   */
  int firstSegmentFrom(double t) {
    return firstAtOrAfter(maxEndUpTo, t);
  }

  /** The index of the first marker that ends at or after {@code t}. */
  int firstMarkerFrom(double t) {
    return firstAtOrAfter(markerEnds, t);
  }

  private static int firstAtOrAfter(long[] sorted, double t) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < t) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}

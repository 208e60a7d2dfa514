package gilbook.app.gui.timeline;

import java.util.List;

/**
 * One thread's row on the timeline: its segments and markers, each sorted by start time. Immutable
 * and thread-safe.
 *
 * @param threadId the thread's id (1 for the first thread)
 * @param name the thread's name
 * @param start when the thread started, or its first event
 * @param end when the thread exited, or its last event
 * @param segments what the thread did, sorted by start; {@link Segment.Kind#HOLDING_CPU} segments
 *     overlap the {@link Segment.Kind#HOLDING} segment around them
 * @param markers instants worth pointing at, sorted by time
 */
public record Lane(
    long threadId,
    String name,
    long start,
    long end,
    List<Segment> segments,
    List<Marker> markers) {

  /** Copies the lists. */
  public Lane {
    segments = List.copyOf(segments);
    markers = List.copyOf(markers);
  }

  /** The segments of one kind, in time order. */
  public List<Segment> segments(Segment.Kind kind) {
    return segments.stream().filter(s -> s.kind() == kind).toList();
  }

  /** The markers of one kind, in time order. */
  public List<Marker> markers(Marker.Kind kind) {
    return markers.stream().filter(m -> m.kind() == kind).toList();
  }
}

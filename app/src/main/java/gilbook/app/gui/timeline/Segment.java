package gilbook.app.gui.timeline;

import java.util.Objects;

/**
 * One stretch of one thread's time on the timeline: holding the GIL, waiting for it, blocked, or
 * computing. Immutable and thread-safe.
 *
 * @param kind what the thread was doing
 * @param start when it began, in nanoseconds since the interpreter started
 * @param end when it ended, in nanoseconds; never before {@code start}
 * @param cause a short label: the drop cause of a hold, the reason for a block ({@code io}, {@code
 *     sleep}, {@code join B}) or the computation's name; empty when there is none
 * @param description the whole story in words, with exact times, for a tooltip
 */
public record Segment(Kind kind, long start, long end, String cause, String description) {

  /** What a thread does during a segment. */
  public enum Kind {
    /** The thread holds the GIL: from {@code take} to {@code drop}. */
    HOLDING,
    /** The thread computes while holding the GIL; lies inside a {@link #HOLDING} segment. */
    HOLDING_CPU,
    /** The thread asked for the GIL and waits for it: from {@code take_request} to {@code take}. */
    WAITING,
    /** The thread is blocked in I/O, sleep or join, with the GIL released. */
    BLOCKED,
    /** The thread computes with the GIL released, in parallel with Python code. */
    RUNNING_WITHOUT_GIL
  }

  /** Checks the arguments. */
  public Segment {
    Objects.requireNonNull(kind, "kind must not be null");
    Objects.requireNonNull(cause, "cause must not be null");
    Objects.requireNonNull(description, "description must not be null");
    if (end < start) {
      throw new IllegalArgumentException(
          "a segment cannot end before it starts: start " + start + " ns, end " + end + " ns");
    }
  }

  /** {@code end - start}, in nanoseconds. */
  public long length() {
    return end - start;
  }

  /** Whether {@code time} lies in {@code [start, end]}. */
  public boolean contains(long time) {
    return start <= time && time <= end;
  }
}

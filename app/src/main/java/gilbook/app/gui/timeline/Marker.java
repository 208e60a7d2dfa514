package gilbook.app.gui.timeline;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * One instant (or a short span) on a thread's lane worth pointing at: a drop request, a forced
 * switch, the thread's start or exit, an exception. Immutable and thread-safe.
 *
 * @param kind what happened
 * @param time when, in nanoseconds since the interpreter started
 * @param duration how long it lasted, in nanoseconds; 0 for an instant
 * @param target the other thread involved: for a drop request, the thread that held the GIL; for a
 *     forced switch, the thread that took it; empty when there is none
 * @param description the story in words, with exact times, for a tooltip
 */
public record Marker(Kind kind, long time, long duration, OptionalLong target, String description) {

  /** What a marker stands for. */
  public enum Kind {
    /** The thread began. */
    THREAD_START,
    /** The thread ended. */
    THREAD_EXIT,
    /** This thread waited a whole switch interval and asked the holder to drop the GIL. */
    DROP_REQUEST,
    /** This thread dropped the GIL and, with forced switching, waited until another took it. */
    FORCED_SWITCH,
    /** An exception escaped this thread's body. */
    EXCEPTION
  }

  /** Checks the arguments. */
  public Marker {
    Objects.requireNonNull(kind, "kind must not be null");
    Objects.requireNonNull(target, "target must not be null");
    Objects.requireNonNull(description, "description must not be null");
    if (duration < 0) {
      throw new IllegalArgumentException("duration must be >= 0, got " + duration + " ns");
    }
  }

  /** {@code time + duration}. */
  public long end() {
    return time + duration;
  }
}

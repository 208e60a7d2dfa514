package gilbook.runtime;

/**
 * One thing that happened to the GIL, a thread or an object, at one instant of the thread's clock.
 * Immutable and thread-safe.
 *
 * @param time nanoseconds since the interpreter started, on the clock of {@code thread}
 * @param threadId the Python thread's id (1 for the first thread)
 * @param thread the Python thread's name
 * @param kind what happened
 * @param detail the cause or the object, in words; empty when there is nothing to add
 * @param duration for events that span time ({@link Kind#FORCED_SWITCH_WAIT}, {@link Kind#BLOCKED},
 *     {@link Kind#CPU}), how long, in nanoseconds, from {@code time}; otherwise 0
 */
public record TraceEvent(
    long time, long threadId, String thread, Kind kind, String detail, long duration) {

  /** What a trace event records. */
  public enum Kind {
    /** A Python thread began. */
    THREAD_START("thread_start"),
    /** A Python thread ended. */
    THREAD_EXIT("thread_exit"),
    /** A thread asked for the GIL ({@code take_gil} entered). */
    TAKE_REQUEST("take_request"),
    /** A thread got the GIL. */
    TAKE("take"),
    /** A thread dropped the GIL; {@code detail} says why: drop request, io, sleep, join, exit. */
    DROP("drop"),
    /** A waiter timed out and set {@code gil_drop_request}. */
    DROP_REQUEST("drop_request"),
    /** The dropper waited for another thread to take the GIL (forced switching). */
    FORCED_SWITCH_WAIT("forced_switch_wait"),
    /** A thread was blocked (I/O, sleep, join) for {@code duration}; the GIL was released. */
    BLOCKED("blocked"),
    /** A thread computed for {@code duration}; {@code detail} says whether it held the GIL. */
    CPU("cpu"),
    /** An object's reference count reached zero and it was deallocated. */
    OBJECT_FREED("object_freed"),
    /** An exception escaped a thread's body. */
    EXCEPTION("exception");

    private final String jsonName;

    Kind(String jsonName) {
      this.jsonName = jsonName;
    }

    /** The name used in JSON exports. */
    public String jsonName() {
      return jsonName;
    }
  }

  /** The instant this event ends: {@code time + duration}. */
  public long end() {
    return time + duration;
  }

  @Override
  public String toString() {
    String base = String.format("%12.6f ms  %-12s %-18s", time / 1e6, thread, kind.jsonName());
    String extra = detail.isEmpty() ? "" : " " + detail;
    String span = duration == 0 ? "" : String.format(" (%.6f ms)", duration / 1e6);
    return base + extra + span;
  }
}

package gilbook.app.gui.timeline;

import static gilbook.app.gui.timeline.TimeFormat.duration;
import static gilbook.app.gui.timeline.TimeFormat.ms;

import gilbook.runtime.TraceEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;

/**
 * Turns one thread's trace events, in its own time order, into the segments and markers of its
 * lane. Drop-request and forced-switch markers get their final words later, from {@link HandOffs},
 * once every lane is known. Not thread-safe: one builder per thread, used by one parse.
 */
final class LaneBuilder {
  private final long threadId;
  private final String name;
  private final List<Segment> segments = new ArrayList<>();
  private final List<Marker> markers = new ArrayList<>();
  private long first = Long.MAX_VALUE;
  private long last = Long.MIN_VALUE;
  private long started = -1;
  private long exited = -1;
  private long requestedAt = -1;
  private long tookAt = -1;

  LaneBuilder(long threadId, String name) {
    this.threadId = threadId;
    this.name = name;
  }

  long threadId() {
    return threadId;
  }

  String name() {
    return name;
  }

  /** Adds the thread's next event; events must come in the thread's time order. */
  void add(TraceEvent e) {
    first = Math.min(first, e.time());
    last = Math.max(last, e.end());
    long t = e.time();
    switch (e.kind()) {
      case THREAD_START -> {
        started = t;
        markers.add(marker(Marker.Kind.THREAD_START, t, 0, name + " started at " + ms(t)));
      }
      case THREAD_EXIT -> {
        exited = t;
        markers.add(marker(Marker.Kind.THREAD_EXIT, t, 0, name + " exited at " + ms(t)));
      }
      case TAKE_REQUEST -> requestedAt = t;
      case TAKE -> {
        if (requestedAt >= 0) {
          addWaiting(requestedAt, t, false);
          requestedAt = -1;
        }
        tookAt = t;
      }
      case DROP -> {
        if (tookAt >= 0) {
          addHolding(tookAt, t, e.detail(), false);
          tookAt = -1;
        }
      }
      case DROP_REQUEST ->
          markers.add(marker(Marker.Kind.DROP_REQUEST, t, 0, name + " asked for a drop"));
      case FORCED_SWITCH_WAIT ->
          markers.add(
              marker(Marker.Kind.FORCED_SWITCH, t, e.duration(), name + " waited for a switch"));
      case BLOCKED -> addBlocked(t, e.end(), e.detail());
      case CPU -> addCpu(t, e.end(), e.detail());
      case EXCEPTION ->
          markers.add(
              marker(
                  Marker.Kind.EXCEPTION,
                  t,
                  0,
                  "exception in " + name + " at " + ms(t) + ": " + e.detail()));
      default -> {
        // Object frees and later kinds have no place on the GIL timeline.
      }
    }
  }

  /**
   * The lane, with a hold or a wait still open at the end of the trace closed at {@code traceEnd}.
   * {@code fallbackStart} and {@code fallbackEnd} (from the thread statistics, -1 when unknown)
   * bound a thread whose events were all dropped.
   */
  Lane build(long traceEnd, long fallbackStart, long fallbackEnd) {
    if (requestedAt >= 0) {
      addWaiting(requestedAt, Math.max(requestedAt, traceEnd), true);
    }
    if (tookAt >= 0) {
      addHolding(tookAt, Math.max(tookAt, traceEnd), "", true);
    }
    long start = started >= 0 ? started : first != Long.MAX_VALUE ? first : fallbackStart;
    long end = exited >= 0 ? exited : fallbackEnd >= 0 ? fallbackEnd : traceEnd;
    start = Math.max(0, start);
    end = Math.max(start, Math.max(end, last == Long.MIN_VALUE ? start : last));
    segments.sort(Comparator.comparingLong(Segment::start).thenComparing(LaneBuilder::layer));
    markers.sort(Comparator.comparingLong(Marker::time));
    return new Lane(threadId, name, start, end, segments, markers);
  }

  /** Among segments that start together, which is drawn later, on top. */
  private static int layer(Segment s) {
    return switch (s.kind()) {
      case HOLDING_CPU -> 2;
      case HOLDING -> 1; // An instant's hold stays visible on the block that follows it.
      default -> 0;
    };
  }

  private Marker marker(Marker.Kind kind, long time, long length, String description) {
    return new Marker(kind, time, length, OptionalLong.empty(), description);
  }

  private void addWaiting(long from, long to, boolean open) {
    if (to == from && !open) {
      return; // Taken at once: there was no wait to show.
    }
    String story =
        open
            ? "waiting for the GIL "
                + duration(to - from)
                + " (asked at "
                + ms(from)
                + ", still waiting when the trace ends at "
                + ms(to)
                + ")"
            : "waiting for the GIL "
                + duration(to - from)
                + " (asked at "
                + ms(from)
                + " → took it at "
                + ms(to)
                + ")";
    segments.add(new Segment(Segment.Kind.WAITING, from, to, "", name + " " + story));
  }

  private void addHolding(long from, long to, String cause, boolean open) {
    String story =
        open
            ? "holding the GIL "
                + duration(to - from)
                + " (take at "
                + ms(from)
                + ", still held when the trace ends at "
                + ms(to)
                + ")"
            : "holding the GIL "
                + duration(to - from)
                + " (take at "
                + ms(from)
                + " → drop at "
                + ms(to)
                + ", "
                + dropReason(cause)
                + ")";
    segments.add(new Segment(Segment.Kind.HOLDING, from, to, cause, name + " " + story));
  }

  private void addBlocked(long from, long to, String cause) {
    String story =
        blockedReason(cause)
            + " "
            + duration(to - from)
            + " with the GIL released ("
            + ms(from)
            + " → "
            + ms(to)
            + ")";
    segments.add(new Segment(Segment.Kind.BLOCKED, from, to, cause, name + " " + story));
  }

  private void addCpu(long from, long to, String detail) {
    boolean released = detail.contains("GIL released");
    String what = detail.replace(" (GIL released)", "").replace(" (holding the GIL)", "");
    String span = duration(to - from) + " (" + ms(from) + " → " + ms(to) + ")";
    if (released) {
      segments.add(
          new Segment(
              Segment.Kind.RUNNING_WITHOUT_GIL,
              from,
              to,
              what,
              name
                  + " computing "
                  + what
                  + " without the GIL "
                  + span
                  + ": other threads can run Python meanwhile"));
    } else {
      segments.add(
          new Segment(
              Segment.Kind.HOLDING_CPU,
              from,
              to,
              what,
              name
                  + " computing "
                  + what
                  + " while holding the GIL "
                  + span
                  + ": no other thread can run Python meanwhile"));
    }
  }

  /** Why a hold ended, in words. */
  static String dropReason(String cause) {
    return switch (cause) {
      case "drop request" -> "dropped on request";
      case "io" -> "released for I/O";
      case "sleep" -> "released to sleep";
      case "exit" -> "the thread exited";
      case "allow threads" -> "released by allowThreads";
      case "" -> "dropped";
      default -> cause.startsWith("join ") ? "released to " + cause : "released for " + cause;
    };
  }

  private static String blockedReason(String cause) {
    return switch (cause) {
      case "io" -> "blocked in I/O";
      case "sleep" -> "sleeping";
      case "" -> "blocked";
      default ->
          cause.startsWith("join ") ? "joining " + cause.substring(5) : "blocked in " + cause;
    };
  }
}

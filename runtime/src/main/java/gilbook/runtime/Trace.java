package gilbook.runtime;

import gilbook.runtime.internal.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Every GIL event of one interpreter, in the order they were recorded, and the derived views the
 * timeline and the graded checks read.
 *
 * <p>The trace keeps at most {@code capacity} events; past that it counts what it drops ({@link
 * #droppedEvents()}), while per-thread statistics stay exact. Thread-safe.
 */
public final class Trace {
  private final int capacity;
  private final List<TraceEvent> events = new ArrayList<>();
  private final Supplier<Map<String, Object>> header;
  private final Supplier<List<ThreadStats>> stats;
  private final Supplier<List<RefcountStats>> refcounts;
  private long dropped;

  Trace(int capacity, Supplier<Map<String, Object>> header, Supplier<List<ThreadStats>> stats) {
    this(capacity, header, stats, null);
  }

  /** {@code refcounts} is null with the GIL on; then the export has no reference-count fields. */
  Trace(
      int capacity,
      Supplier<Map<String, Object>> header,
      Supplier<List<ThreadStats>> stats,
      Supplier<List<RefcountStats>> refcounts) {
    this.capacity = capacity;
    this.header = header;
    this.stats = stats;
    this.refcounts = refcounts;
  }

  synchronized void add(TraceEvent event) {
    if (events.size() < capacity) {
      events.add(event);
    } else {
      dropped++;
    }
  }

  /** A copy of the events recorded so far. */
  public synchronized List<TraceEvent> events() {
    return List.copyOf(events);
  }

  /** The events of one kind. */
  public synchronized List<TraceEvent> events(TraceEvent.Kind kind) {
    List<TraceEvent> out = new ArrayList<>();
    for (TraceEvent e : events) {
      if (e.kind() == kind) {
        out.add(e);
      }
    }
    return out;
  }

  /** How many events were not kept because the trace was full. */
  public synchronized long droppedEvents() {
    return dropped;
  }

  /** One stretch of time during which one thread held the GIL. */
  public record Hold(String thread, long start, long end, String dropCause) {
    /** {@code end - start}. */
    public long length() {
      return end - start;
    }
  }

  /**
   * Every completed hold of the GIL, in the order they ended: each take paired with the same
   * thread's next drop.
   */
  public synchronized List<Hold> holds() {
    Map<Long, TraceEvent> openTakes = new HashMap<>();
    List<Hold> holds = new ArrayList<>();
    for (TraceEvent e : events) {
      if (e.kind() == TraceEvent.Kind.TAKE) {
        openTakes.put(e.threadId(), e);
      } else if (e.kind() == TraceEvent.Kind.DROP) {
        TraceEvent take = openTakes.remove(e.threadId());
        if (take != null) {
          holds.add(new Hold(e.thread(), take.time(), e.time(), e.detail()));
        }
      }
    }
    return holds;
  }

  /** Writes the trace, the settings it was made with and every thread's statistics as JSON. */
  public void writeJson(Appendable out) {
    List<TraceEvent> snapshot;
    long droppedSnapshot;
    synchronized (this) {
      snapshot = List.copyOf(events);
      droppedSnapshot = dropped;
    }
    Json json = new Json(out).beginObject();
    for (Map.Entry<String, Object> h : header.get().entrySet()) {
      Object v = h.getValue();
      if (v instanceof Number n) {
        json.field(h.getKey(), n.longValue());
      } else if (v instanceof Boolean b) {
        json.field(h.getKey(), b);
      } else {
        json.field(h.getKey(), String.valueOf(v));
      }
    }
    json.field("droppedEvents", droppedSnapshot);
    json.name("threads").beginArray();
    Map<Long, RefcountStats> counts = new HashMap<>();
    if (refcounts != null) {
      refcounts.get().forEach(r -> counts.put(r.threadId(), r));
    }
    for (ThreadStats s : stats.get()) {
      json.beginObject()
          .field("id", s.threadId())
          .field("name", s.name())
          .field("heldNs", s.held())
          .field("waitedNs", s.waited())
          .field("ranWithoutGilNs", s.ranWithoutGil())
          .field("blockedNs", s.blocked())
          .field("cpuWithGilNs", s.cpuWithGil())
          .field("acquisitions", s.acquisitions())
          .field("longestHoldNs", s.longestHold())
          .field("dropRequestsCaused", s.dropRequestsCaused())
          .field("forcedSwitchWaits", s.forcedSwitchWaits())
          .field("instructions", s.instructions())
          .field("startedNs", s.started())
          .field("endedNs", s.ended());
      RefcountStats r = counts.get(s.threadId());
      if (r != null) {
        json.field("refcountNonAtomicOps", r.nonAtomic())
            .field("refcountAtomicOps", r.atomic())
            .field("refcountMerges", r.merges())
            .field("refcountQueued", r.queued())
            .field("refcountImmortalOps", r.immortal());
      }
      json.endObject();
    }
    json.endArray();
    json.name("events").beginArray();
    for (TraceEvent e : snapshot) {
      json.beginObject()
          .field("t", e.time())
          .field("threadId", e.threadId())
          .field("thread", e.thread())
          .field("kind", e.kind().jsonName());
      if (!e.detail().isEmpty()) {
        json.field("detail", e.detail());
      }
      if (e.duration() != 0) {
        json.field("duration", e.duration());
      }
      json.endObject();
    }
    json.endArray().endObject();
  }

  /** The JSON export as a string. */
  public String toJson() {
    StringBuilder sb = new StringBuilder();
    writeJson(sb);
    return sb.toString();
  }

  /** Writes the JSON export to {@code file}, replacing it. */
  public void writeJson(Path file) {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      writeJson(w);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the trace to " + file, e);
    }
  }
}

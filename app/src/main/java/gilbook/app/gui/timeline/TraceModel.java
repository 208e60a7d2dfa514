package gilbook.app.gui.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import gilbook.runtime.TraceEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * What the GIL did in one run, read from a trace's JSON and arranged for the timeline: one {@link
 * Lane} per thread, in thread id order, and the per-thread statistics.
 *
 * <p>Each thread's events are taken in its own time order. A hold or a wait still open when the
 * trace ends is closed at the trace's last instant. The per-thread statistics are added up from
 * each lane's own bars ({@link LaneTotals}), so a lane, the share of the GIL written beside it
 * ({@link #heldShare(long)}) and the table always agree. The runtime's own counts in the trace's
 * {@code threads} array cannot be used for that: it counts a hold only when it is dropped, so a run
 * that ends in a deadlock with a thread holding the GIL reports it as never held.
 *
 * <p>When the runtime's trace was full, {@link #droppedEvents()} says how many events are missing
 * and the lanes show only the start of the run; the statistics then come from the runtime's counts,
 * which it keeps apart from the events and which cover the whole run. Pure data with no JavaFX in
 * it: immutable and thread-safe.
 */
public final class TraceModel {
  private final List<Lane> lanes;
  private final TraceStats stats;
  private final long droppedEvents;
  private final int eventCount;
  private final String clock;
  private final OptionalLong switchIntervalNs;
  private final OptionalLong switchNumber;

  private TraceModel(TraceJson.Parsed parsed) {
    List<TraceEvent> events = parsed.events();
    this.eventCount = events.size();
    this.droppedEvents = parsed.droppedEvents();
    JsonNode header = parsed.header();
    this.clock = header.path("clock").asText("");
    this.switchIntervalNs = optionalLong(header, "switchIntervalNs");
    this.switchNumber = optionalLong(header, "switchNumber");

    long start = Long.MAX_VALUE;
    long end = Long.MIN_VALUE;
    for (TraceEvent e : events) {
      start = Math.min(start, e.time());
      end = Math.max(end, e.end());
    }
    Map<Long, TraceJson.ThreadRow> rows = new TreeMap<>();
    for (TraceJson.ThreadRow row : parsed.threads()) {
      rows.put(row.summary().threadId(), row);
      if (row.startedNs() >= 0) {
        start = Math.min(start, row.startedNs());
      }
      if (row.endedNs() >= 0) {
        end = Math.max(end, row.endedNs());
      }
    }
    if (start == Long.MAX_VALUE) {
      start = 0;
      end = 0;
    }
    end = Math.max(start, end);

    Map<Long, LaneBuilder> builders = new TreeMap<>();
    for (TraceJson.ThreadRow row : rows.values()) {
      builders.put(
          row.summary().threadId(),
          new LaneBuilder(row.summary().threadId(), row.summary().name()));
    }
    List<TraceEvent> inThreadOrder = new ArrayList<>(events);
    // Stable: events at one instant keep the order the runtime recorded them in.
    inThreadOrder.sort(Comparator.comparingLong(TraceEvent::time));
    for (TraceEvent e : inThreadOrder) {
      builders.computeIfAbsent(e.threadId(), id -> new LaneBuilder(id, e.thread())).add(e);
    }
    List<Lane> built = new ArrayList<>();
    for (LaneBuilder b : builders.values()) {
      TraceJson.ThreadRow row = rows.get(b.threadId());
      built.add(b.build(end, row == null ? -1 : row.startedNs(), row == null ? -1 : row.endedNs()));
    }
    this.lanes = List.copyOf(HandOffs.link(built));
    List<ThreadSummary> summaries = new ArrayList<>();
    for (Lane lane : lanes) {
      TraceJson.ThreadRow row = rows.get(lane.threadId());
      boolean lanesSeeTheWholeRun = droppedEvents == 0;
      summaries.add(lanesSeeTheWholeRun || row == null ? LaneTotals.of(lane) : row.summary());
    }
    this.stats = new TraceStats(summaries, start, end);
  }

  /**
   * Reads a trace file written by {@code gilbook run --trace} or {@code Trace.writeJson}.
   *
   * @throws UncheckedIOException when the file cannot be read
   * @throws IllegalArgumentException when it is not a gilbook trace; the message names the file and
   *     the problem
   */
  public static TraceModel read(Path file) {
    Objects.requireNonNull(file, "file must not be null");
    String json;
    try {
      json = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the trace " + file + ": " + e, e);
    }
    try {
      return parse(json);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Parses a trace's JSON, as {@code Trace.toJson()} writes it.
   *
   * @throws IllegalArgumentException when it is not valid JSON or not a gilbook trace; the message
   *     says what is wrong and where
   */
  public static TraceModel parse(String json) {
    Objects.requireNonNull(json, "json must not be null");
    return new TraceModel(TraceJson.parse(json));
  }

  /** One lane per thread, in thread id order. */
  public List<Lane> lanes() {
    return lanes;
  }

  /** The lane of the thread named {@code name}, if there is one. */
  public Optional<Lane> lane(String name) {
    return lanes.stream().filter(l -> l.name().equals(name)).findFirst();
  }

  /** Per-thread statistics and the time span of the trace. */
  public TraceStats stats() {
    return stats;
  }

  /** The statistics of the thread with id {@code threadId}, as the table shows them. */
  public Optional<ThreadSummary> threadSummary(long threadId) {
    return stats.threads().stream().filter(t -> t.threadId() == threadId).findFirst();
  }

  /**
   * The share of the trace's span, from 0 to 1, during which the thread held the GIL: what its
   * lane's label says, computed from the same {@link ThreadSummary#heldNs()} as the table's column.
   */
  public double heldShare(long threadId) {
    long held = threadSummary(threadId).map(ThreadSummary::heldNs).orElse(0L);
    return Math.min(1, (double) held / Math.max(1, stats.spanNs()));
  }

  /** The earliest instant in the trace, in nanoseconds. */
  public long startNs() {
    return stats.startNs();
  }

  /** The latest instant in the trace, in nanoseconds. */
  public long endNs() {
    return stats.endNs();
  }

  /** How many events the trace holds. */
  public int eventCount() {
    return eventCount;
  }

  /** Whether the trace holds no events at all. */
  public boolean isEmpty() {
    return eventCount == 0;
  }

  /** How many events the runtime did not keep because its trace was full; 0 for a whole trace. */
  public long droppedEvents() {
    return droppedEvents;
  }

  /** Whether events are missing, so the timeline shows only the start of the run. */
  public boolean isTruncated() {
    return droppedEvents > 0;
  }

  /** {@code virtual} or {@code real}, or empty when the trace does not say. */
  public String clock() {
    return clock;
  }

  /** The switch interval the run used, if the trace says. */
  public OptionalLong switchIntervalNs() {
    return switchIntervalNs;
  }

  /** How many times the GIL changed hands, if the trace says. */
  public OptionalLong switchNumber() {
    return switchNumber;
  }

  /** One line about the run: {@code virtual clock · switch interval 5.000 ms · 17 GIL switches}. */
  public String summary() {
    List<String> parts = new ArrayList<>();
    if (!clock.isEmpty()) {
      parts.add(clock + " clock");
    }
    switchIntervalNs.ifPresent(ns -> parts.add("switch interval " + TimeFormat.duration(ns)));
    switchNumber.ifPresent(n -> parts.add(n + (n == 1 ? " GIL switch" : " GIL switches")));
    parts.add(lanes.size() + (lanes.size() == 1 ? " thread" : " threads"));
    return String.join(" · ", parts);
  }

  private static OptionalLong optionalLong(JsonNode header, String field) {
    JsonNode v = header.get(field);
    return v != null && v.canConvertToLong() ? OptionalLong.of(v.asLong()) : OptionalLong.empty();
  }

  @Override
  public String toString() {
    return "TraceModel["
        + summary()
        + ", "
        + eventCount
        + " events, "
        + droppedEvents
        + " dropped]";
  }
}

package gilbook.app.gui.timeline;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gilbook.runtime.TraceEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON a {@code gilbook.runtime.Trace} writes: the header, the {@code threads} array and
 * the {@code events} array. Stateless and thread-safe.
 */
final class TraceJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Map<String, TraceEvent.Kind> KINDS = new HashMap<>();

  static {
    for (TraceEvent.Kind k : TraceEvent.Kind.values()) {
      KINDS.put(k.jsonName(), k);
    }
  }

  private TraceJson() {}

  /** What the JSON holds, checked but not yet interpreted. */
  record Parsed(
      JsonNode header, List<ThreadRow> threads, List<TraceEvent> events, long droppedEvents) {}

  /** One entry of the {@code threads} array: the summary and the thread's lifetime. */
  record ThreadRow(ThreadSummary summary, long startedNs, long endedNs) {}

  static Parsed parse(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where =
          at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
      throw new IllegalArgumentException(
          "the trace is not valid JSON: " + e.getOriginalMessage() + where, e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(
          "the trace must be a JSON object with an \"events\" array, as `gilbook run --trace`"
              + " writes it; got "
              + (root == null || root.isMissingNode() ? "nothing" : root.getNodeType()));
    }
    JsonNode format = root.get("format");
    if (format != null && !format.asText().startsWith("gilbook-trace/")) {
      throw new IllegalArgumentException(
          "unknown trace format \"" + format.asText() + "\": expected gilbook-trace/1");
    }
    JsonNode events = root.get("events");
    if (events == null || !events.isArray()) {
      throw new IllegalArgumentException(
          "the trace has no \"events\" array: is this a gilbook trace (`gilbook run --trace"
              + " OUT.json`)?");
    }
    long dropped = root.has("droppedEvents") ? integer(root, "droppedEvents", "the header") : 0;
    return new Parsed(root, threads(root.get("threads")), events(events), dropped);
  }

  private static List<ThreadRow> threads(JsonNode array) {
    List<ThreadRow> rows = new ArrayList<>();
    if (array == null) {
      return rows;
    }
    if (!array.isArray()) {
      throw new IllegalArgumentException(
          "\"threads\" must be an array, got " + array.getNodeType());
    }
    int i = 0;
    for (JsonNode t : array) {
      String where = "thread #" + i++;
      long id = integer(t, "id", where);
      String name = t.path("name").asText("thread-" + id);
      ThreadSummary s =
          new ThreadSummary(
              id,
              name,
              optional(t, "heldNs", where),
              optional(t, "waitedNs", where),
              optional(t, "blockedNs", where),
              optional(t, "ranWithoutGilNs", where),
              optional(t, "acquisitions", where),
              optional(t, "longestHoldNs", where),
              optional(t, "dropRequestsCaused", where),
              optional(t, "forcedSwitchWaits", where));
      long started = t.has("startedNs") ? integer(t, "startedNs", where) : -1;
      long ended = t.has("endedNs") ? integer(t, "endedNs", where) : -1;
      rows.add(new ThreadRow(s, started, ended));
    }
    return rows;
  }

  private static List<TraceEvent> events(JsonNode array) {
    List<TraceEvent> out = new ArrayList<>(array.size());
    int i = 0;
    for (JsonNode e : array) {
      String where = "event #" + i++;
      if (!e.isObject()) {
        throw new IllegalArgumentException(where + " must be a JSON object, got " + e);
      }
      JsonNode kindNode = e.get("kind");
      if (kindNode == null || !kindNode.isTextual()) {
        throw new IllegalArgumentException(where + " has no \"kind\" text: " + e);
      }
      TraceEvent.Kind kind = KINDS.get(kindNode.asText());
      long t = integer(e, "t", where);
      long id = integer(e, "threadId", where);
      long duration = e.has("duration") ? integer(e, "duration", where) : 0;
      if (duration < 0) {
        throw new IllegalArgumentException(where + " has a negative duration: " + e);
      }
      if (kind == null) {
        continue; // A newer runtime's kind of event: the timeline has no place for it yet.
      }
      String thread = e.path("thread").asText("thread-" + id);
      out.add(new TraceEvent(t, id, thread, kind, e.path("detail").asText(""), duration));
    }
    return out;
  }

  private static long optional(JsonNode node, String field, String where) {
    return node.has(field) ? integer(node, field, where) : 0;
  }

  private static long integer(JsonNode node, String field, String where) {
    JsonNode v = node.get(field);
    if (v == null) {
      throw new IllegalArgumentException(where + " has no \"" + field + "\": " + node);
    }
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw new IllegalArgumentException(
          where + ": \"" + field + "\" must be a whole number, got " + v + " in " + node);
    }
    return v.asLong();
  }
}

package gilbook.exercises.worker;

import gilbook.exercises.grading.CheckResult;
import gilbook.exercises.harness.Problem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link WorkerResult} as JSON, with nothing but this class and {@code java.base}.
 *
 * <p>Notes. Jackson is on the worker's class path, where learner code can reach its shared state
 * (its serializer tables are mutable statics), and a library that writes the verdict must not be
 * one learner code can change. The parent reads the JSON back with Jackson, in its own JVM.
 */
final class VerdictJson {
  private VerdictJson() {}

  static byte[] write(WorkerResult r) {
    StringBuilder out = new StringBuilder(256);
    out.append('{');
    field(out, "nonce").append(string(r.nonce())).append(',');
    field(out, "status").append(string(r.status())).append(',');
    field(out, "problems").append('[');
    List<Problem> problems = r.problems();
    for (int i = 0; i < problems.size(); i++) {
      Problem p = problems.get(i);
      out.append(i == 0 ? "{" : ",{");
      field(out, "kind").append(string(p.kind().name())).append(',');
      field(out, "line").append(p.line()).append(',');
      field(out, "column").append(p.column()).append(',');
      field(out, "message").append(string(p.message())).append('}');
    }
    out.append("],");
    field(out, "checks").append('[');
    List<CheckResult> checks = r.checks();
    for (int i = 0; i < checks.size(); i++) {
      CheckResult c = checks.get(i);
      out.append(i == 0 ? "{" : ",{");
      field(out, "name").append(string(c.name())).append(',');
      field(out, "passed").append(c.passed()).append(',');
      field(out, "message").append(string(c.message())).append('}');
    }
    out.append("],");
    field(out, "strayThreads");
    value(out, r.strayThreads());
    out.append(',');
    field(out, "detail").append(string(r.detail())).append(',');
    field(out, "lines");
    value(out, r.lines());
    out.append(',');
    field(out, "data");
    value(out, r.data());
    out.append('}');
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static StringBuilder field(StringBuilder out, String name) {
    return out.append('"').append(name).append("\":");
  }

  /** A plain JSON value: a map, list, string, number, boolean or null (others as strings). */
  private static void value(StringBuilder out, Object v) {
    if (v == null) {
      out.append("null");
    } else if (v instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.append(first ? "" : ",").append(string(String.valueOf(e.getKey()))).append(':');
        value(out, e.getValue());
        first = false;
      }
      out.append('}');
    } else if (v instanceof Iterable<?> list) {
      out.append('[');
      boolean first = true;
      for (Object item : list) {
        out.append(first ? "" : ",");
        value(out, item);
        first = false;
      }
      out.append(']');
    } else if (v instanceof Boolean
        || v instanceof Integer
        || v instanceof Long
        || v instanceof Short
        || v instanceof Byte) {
      out.append(v);
    } else if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
      out.append(n instanceof Double || n instanceof Float ? Double.toString(n.doubleValue()) : n);
    } else {
      out.append(string(v.toString()));
    }
  }

  static String string(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}

package gilbook.runtime.bytecode.parity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one side of a parity test ended with, in the form CPython's side has after its JSON round
 * trip (dict keys are strings, ints are {@code Long}). Immutable.
 *
 * @param args the entry function's arguments at the end
 * @param globals the module's plain-data globals at the end
 * @param stdout what {@code print} wrote
 * @param errors each thread that raised, by name, with {@code "Type: message"}
 */
record Outcome(
    Map<String, Object> args,
    Map<String, Object> globals,
    String stdout,
    Map<String, String> errors) {

  /** An outcome as the driver prints it. */
  @SuppressWarnings("unchecked")
  static Outcome fromJson(Map<String, Object> json) {
    Map<String, String> errors = new LinkedHashMap<>();
    ((Map<String, Object>) json.get("errors")).forEach((k, v) -> errors.put(k, (String) v));
    return new Outcome(
        (Map<String, Object>) json.get("args"),
        (Map<String, Object>) json.get("globals"),
        (String) json.get("stdout"),
        errors);
  }

  /** The outcome with its globals replaced (for a deliberately wrong expectation, or a filter). */
  Outcome withGlobals(Map<String, Object> g) {
    return new Outcome(args, g, stdout, errors);
  }

  /** The outcome with its printed output replaced. */
  Outcome withStdout(String out) {
    return new Outcome(args, globals, out, errors);
  }

  /** Which exception type each thread that raised ended with, without the message. */
  Map<String, String> errorTypes() {
    Map<String, String> out = new LinkedHashMap<>();
    errors.forEach((k, v) -> out.put(k, v.contains(":") ? v.substring(0, v.indexOf(':')) : v));
    return out;
  }

  /** The printed lines, sorted: what several threads print, whatever their order. */
  List<String> sortedLines() {
    return stdout.lines().sorted().toList();
  }

  /** As JSON, for the driver's {@code eval}. */
  String toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("args", args);
    m.put("globals", globals);
    return ParityJson.write(m);
  }
}

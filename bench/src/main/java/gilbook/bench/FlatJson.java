package gilbook.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the one-line JSON objects the CPython scripts print: string keys, number values, nothing
 * nested. Enough for our own scripts, so the module needs no JSON library.
 */
final class FlatJson {
  private FlatJson() {}

  private static final Pattern FIELD =
      Pattern.compile("\"([^\"]+)\"\\s*:\\s*(-?[0-9][0-9.eE+-]*|NaN|Infinity)");

  /**
   * The number fields of {@code json}.
   *
   * @throws IllegalArgumentException if it has none, so a script's stray output is not mistaken for
   *     a result
   */
  static Map<String, Double> numbers(String json) {
    Map<String, Double> out = new LinkedHashMap<>();
    Matcher m = FIELD.matcher(json);
    while (m.find()) {
      out.put(m.group(1), Double.parseDouble(m.group(2)));
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("expected a JSON object of numbers, got: " + json.strip());
    }
    return out;
  }
}

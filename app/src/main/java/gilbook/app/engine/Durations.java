package gilbook.app.engine;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads durations written as {@code 5ms}, {@code 500us}, {@code 1us}, {@code 2s} or {@code 100ns}.
 */
public final class Durations {
  private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|µs|ms|s)");

  private Durations() {}

  public static Duration parse(String text, String option) {
    Matcher m = FORM.matcher(text.trim());
    if (!m.matches()) {
      throw new EngineException(
          option + " '" + text + "' is not a duration; write it like 5ms, 500us, 1us or 2s.");
    }
    double value = Double.parseDouble(m.group(1));
    double nanosPerUnit =
        switch (m.group(2)) {
          case "ns" -> 1;
          case "us", "µs" -> 1e3;
          case "ms" -> 1e6;
          default -> 1e9;
        };
    long nanos = Math.round(value * nanosPerUnit);
    if (nanos <= 0) {
      throw new EngineException(option + " must be more than 0, got '" + text + "'.");
    }
    return Duration.ofNanos(nanos);
  }
}

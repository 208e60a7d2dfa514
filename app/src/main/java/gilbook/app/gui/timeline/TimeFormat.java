package gilbook.app.gui.timeline;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Formats nanosecond times for people: exact in tooltips, rounded in tables. Stateless and
 * thread-safe.
 */
final class TimeFormat {
  private TimeFormat() {}

  /**
   * An instant or a duration in milliseconds, exact to the nanosecond: at least three decimals, and
   * more only when the nanoseconds need them ({@code 10.000 ms}, {@code 5.0001 ms}).
   */
  static String ms(long ns) {
    BigDecimal ms = BigDecimal.valueOf(ns, 6).stripTrailingZeros();
    if (ms.scale() < 3) {
      ms = ms.setScale(3);
    }
    return ms.toPlainString() + " ms";
  }

  /**
   * A duration, exact, in the unit that reads best: {@code 400 ns}, {@code 12.5 µs}, {@code 5.000
   * ms}.
   */
  static String duration(long ns) {
    if (Math.abs(ns) < 1_000) {
      return ns + " ns";
    }
    if (Math.abs(ns) < 1_000_000) {
      BigDecimal us = BigDecimal.valueOf(ns, 3).stripTrailingZeros();
      if (us.scale() < 0) {
        us = us.setScale(0);
      }
      return us.toPlainString() + " µs";
    }
    return ms(ns);
  }

  /** Milliseconds with exactly three decimals and no unit, for tables: {@code 30.000}. */
  static String ms3(long ns) {
    return String.format(Locale.ROOT, "%.3f", ns / 1e6);
  }

  /**
   * A duration rounded to three significant digits, for labels on bars: {@code 5.00 ms}, {@code
   * 12.5 µs}, {@code 400 ns}, {@code 1.25 s}.
   */
  static String compact(long ns) {
    double abs = Math.abs(ns);
    if (abs < 1_000) {
      return ns + " ns";
    }
    String[] units = {"µs", "ms", "s"};
    double value = ns / 1e3;
    int unit = 0;
    while (unit < units.length - 1 && Math.abs(value) >= 999.5) {
      value /= 1e3;
      unit++;
    }
    String pattern = Math.abs(value) >= 99.95 ? "%.0f" : Math.abs(value) >= 9.995 ? "%.1f" : "%.2f";
    return String.format(Locale.ROOT, pattern, value) + " " + units[unit];
  }
}

package gilbook.bench;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** How the table writes each kind of figure; always with a decimal point, whatever the locale. */
final class Units {
  private Units() {}

  static String nanos(double ns) {
    return String.format(Locale.ROOT, "%.1f ns", ns);
  }

  /** A span of time in the unit that keeps it readable: ms, us or ns. */
  static String duration(double ns) {
    if (Math.abs(ns) >= 100_000) {
      return String.format(Locale.ROOT, "%.3f ms", ns / 1e6);
    }
    if (Math.abs(ns) >= 1_000) {
      return String.format(Locale.ROOT, "%.1f us", ns / 1e3);
    }
    return nanos(ns);
  }

  static String perSecond(double perSecond) {
    return String.format(Locale.ROOT, "%.1f M/s", perSecond / 1e6);
  }

  static String nanosPerByte(double ns) {
    return String.format(Locale.ROOT, "%.3f ns/B", ns);
  }

  /** Three significant digits, so a ratio far from 1 still shows how far. */
  static String ratio(double ratio) {
    if (Double.isNaN(ratio) || Double.isInfinite(ratio)) {
      return String.valueOf(ratio);
    }
    return new BigDecimal(ratio).round(new MathContext(3)).toPlainString();
  }

  static String cores(double cores) {
    return Double.isNaN(cores) ? "n/a" : String.format(Locale.ROOT, "%.2f", cores);
  }
}

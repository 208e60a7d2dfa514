package gilbook.app.gui.timeline;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the tick marks of a time axis: round steps (1, 2 or 5 times a power of ten nanoseconds)
 * and labels in the unit that suits the visible times. Stateless and thread-safe.
 */
final class TimeAxis {
  private static final String[] UNITS = {"ns", "µs", "ms", "s"};

  private TimeAxis() {}

  /** One tick: where it is, in nanoseconds, and what it says. */
  record Tick(double ns, String label) {}

  /**
   * The smallest round step, in nanoseconds, that keeps ticks at least {@code minPxPerTick} apart
   * when {@code spanNs} is shown across {@code widthPx} pixels.
   */
  static long step(double spanNs, double widthPx, double minPxPerTick) {
    double raw = spanNs * minPxPerTick / Math.max(1, widthPx);
    if (!(raw > 1)) {
      return 1;
    }
    long power = 1;
    while (power * 10 <= raw && power <= Long.MAX_VALUE / 100) {
      power *= 10;
    }
    for (long m : new long[] {1, 2, 5, 10}) {
      if (m * power >= raw) {
        return m * power;
      }
    }
    return 10 * power;
  }

  /** The ticks for the visible window {@code [startNs, endNs]} drawn {@code widthPx} wide. */
  static List<Tick> ticks(double startNs, double endNs, double widthPx, double minPxPerTick) {
    List<Tick> ticks = new ArrayList<>();
    if (!(endNs > startNs)) {
      return ticks;
    }
    long step = step(endNs - startNs, widthPx, minPxPerTick);
    int unit = unitFor(Math.max(Math.abs(startNs), Math.abs(endNs)));
    int decimals =
        Math.max(0, BigDecimal.valueOf(step).movePointLeft(3 * unit).stripTrailingZeros().scale());
    long first = (long) Math.ceil(startNs / step) * step;
    for (long t = first; t <= endNs; t += step) {
      ticks.add(new Tick(t, label(t, unit, decimals)));
    }
    return ticks;
  }

  private static int unitFor(double maxAbsNs) {
    int unit = 0;
    while (unit < UNITS.length - 1 && maxAbsNs >= Math.pow(1000, unit + 1)) {
      unit++;
    }
    return unit;
  }

  private static String label(long ns, int unit, int decimals) {
    if (ns == 0) {
      return "0";
    }
    BigDecimal value =
        BigDecimal.valueOf(ns).movePointLeft(3 * unit).setScale(decimals, RoundingMode.HALF_UP);
    return value.toPlainString() + " " + UNITS[unit];
  }
}

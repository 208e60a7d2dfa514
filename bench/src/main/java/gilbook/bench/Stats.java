package gilbook.bench;

import java.util.Arrays;

/** Order statistics of a sample; medians, because a busy machine adds outliers on one side. */
final class Stats {
  private Stats() {}

  /**
   * The median of {@code values}.
   *
   * @throws IllegalArgumentException if there are none, which means a benchmark recorded nothing
   */
  static double median(double... values) {
    return percentile(values, 50);
  }

  /** The {@code p}-th percentile (0 to 100) of {@code values}, interpolating between ranks. */
  static double percentile(double[] values, double p) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no samples: the benchmark recorded nothing to summarise");
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double rank = p / 100 * (sorted.length - 1);
    int below = (int) Math.floor(rank);
    int above = (int) Math.ceil(rank);
    return sorted[below] + (sorted[above] - sorted[below]) * (rank - below);
  }

  /** The median of {@code values}, for samples recorded as whole nanoseconds. */
  static double median(long[] values) {
    return median(Arrays.stream(values).asDoubleStream().toArray());
  }
}

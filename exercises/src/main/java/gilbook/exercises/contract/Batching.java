package gilbook.exercises.contract;

import gilbook.runtime.Work;
import java.time.Duration;
import java.util.Objects;

/**
 * What "update in batches" is given besides the list: the latency target another Python thread must
 * keep, and the computation, whose cost per item differs from call to call. Immutable and
 * thread-safe.
 *
 * @param target the longest the other Python thread may wait for the GIL, at the 99th percentile of
 *     its waits: no hold of the extension's may be longer
 * @param itemCost what {@link #compute} costs for one item
 */
public record Batching(Duration target, Duration itemCost) {
  /**
   * What one access to the list costs while the GIL is held: {@code get_item}, {@code set_item} and
   * {@code len} are one instruction each, 50 ns in the workbook's interpreter. Reading or writing
   * an int ({@code extract}, {@code PyLong.fromLong}) costs nothing on top.
   */
  public static final Duration ACCESS_COST = Duration.ofNanos(50);

  public Batching {
    Objects.requireNonNull(target, "target must not be null");
    Objects.requireNonNull(itemCost, "itemCost must not be null");
  }

  /**
   * {@code n * n + 1}, after {@link #itemCost} of computation that touches no Python object, like
   * {@link Expensive#compute}: it keeps the GIL if the calling thread holds it.
   */
  public long compute(long n) {
    Work.cpuNanos(itemCost.toNanos());
    return n * n + 1;
  }
}

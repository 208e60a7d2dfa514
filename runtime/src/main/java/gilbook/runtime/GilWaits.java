package gilbook.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every wait for the GIL, one by one, per thread: the time from a thread's take request ({@code
 * take_gil} entered) to its take. {@link ThreadStats#waited()} is the sum of these waits; this
 * listener keeps each of them, so a latency target can be judged by a percentile of the waits
 * rather than by their total. CPython keeps no such record; it is what a profiler that timed each
 * {@code take_gil} call would show.
 *
 * <p>Add it with {@link Interpreter#addListener} before the threads to measure start. A thread's
 * waits are in the order they ended. Thread-safe.
 */
public final class GilWaits implements GilListener {
  private final Map<String, Long> requestedAt = new HashMap<>();
  private final Map<String, List<Long>> waits = new HashMap<>();

  /** An empty record: add it to an interpreter to fill it. */
  public GilWaits() {}

  @Override
  public synchronized void onTakeRequest(TraceEvent event) {
    requestedAt.put(event.thread(), event.time());
  }

  @Override
  public synchronized void onTake(TraceEvent event) {
    Long since = requestedAt.remove(event.thread());
    if (since != null) {
      waits.computeIfAbsent(event.thread(), t -> new ArrayList<>()).add(event.time() - since);
    }
  }

  /** The waits of the thread named {@code thread}, in nanoseconds, in order; empty if none. */
  public synchronized long[] of(String thread) {
    Objects.requireNonNull(thread, "thread must not be null");
    return waits.getOrDefault(thread, List.of()).stream().mapToLong(Long::longValue).toArray();
  }

  /**
   * The {@code p}-th percentile of the waits of {@code thread} by the nearest-rank method: the
   * smallest wait that at least {@code p}% of the waits do not exceed. With fewer than 100 waits
   * the 99th percentile is therefore the longest. 0 when the thread never waited.
   *
   * @param p a percentage, above 0 and at most 100
   */
  public long percentile(String thread, double p) {
    if (!(p > 0 && p <= 100)) {
      throw new IllegalArgumentException("p must be above 0 and at most 100, got " + p);
    }
    long[] sorted = of(thread);
    if (sorted.length == 0) {
      return 0;
    }
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }
}

package gilbook.exercises.grading;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Input generators the checks share. Every value is drawn from a seeded generator ({@link Seed}),
 * so no check relies on an example the learner can see, and ints lie outside CPython's small-int
 * cache (-5..256): cached ints are immortal in practice and never show up as leaks, so a forgotten
 * decref would go unseen on them. Thread-safe (stateless).
 */
public final class Inputs {
  /** The smallest int the generators give: well above the small-int cache's 256. */
  public static final long SMALLEST = 1_000;

  private Inputs() {}

  /** {@code count} distinct ints in [{@link #SMALLEST}, {@code below}), in random order. */
  public static long[] distinctInts(SplittableRandom random, int count, long below) {
    if (below - SMALLEST < 2L * count) {
      throw new IllegalArgumentException("too few ints below " + below + " for " + count);
    }
    Set<Long> drawn = new LinkedHashSet<>();
    while (drawn.size() < count) {
      drawn.add(random.nextLong(SMALLEST, below));
    }
    return drawn.stream().mapToLong(Long::longValue).toArray();
  }

  /** A whole number in [{@code min}, {@code max}], both included. */
  public static int between(SplittableRandom random, int min, int max) {
    return random.nextInt(min, max + 1);
  }

  /** A moment in [{@code fromNanos}, {@code toNanos}), in nanoseconds. */
  public static long momentNanos(SplittableRandom random, long fromNanos, long toNanos) {
    return random.nextLong(fromNanos, toNanos);
  }
}

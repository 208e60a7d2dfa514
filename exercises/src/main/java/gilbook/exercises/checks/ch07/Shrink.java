package gilbook.exercises.checks.ch07;

import gilbook.exercises.grading.Inputs;
import gilbook.runtime.PyList;
import gilbook.runtime.Work;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Another Python thread shortening the list while the extension computes: once {@code during}
 * computations have finished, and {@code offsetNanos} into the next one, it pops {@code count}
 * items off the end. Immutable.
 *
 * @param size the list's length before the call
 * @param during how many computations finish before the removal: it happens while item {@code
 *     during} (counting from 0) is being computed
 * @param count how many items are removed
 * @param offsetNanos how far into that computation
 */
record Shrink(int size, int during, int count, long offsetNanos) {
  /** Name of the thread that removes the items. */
  static final String THREAD = "popper";

  /** The moment inside a computation of at least 1 ms: clear of the accesses on either side. */
  private static final long OFFSET_FROM = 200_000;

  private static final long OFFSET_TO = 700_000;

  /** One computation's cost at least, as {@link Progress#awaitCalls} needs it. */
  static final long CALL_NANOS = 1_000_000;

  /**
   * Three removals, one per list size of {@link Ch07Inputs#sizes}, assigned at random:
   *
   * <ul>
   *   <li>the worst case: while the last item is computed, 1 to all-but-one items go, so the index
   *       being computed is gone when its result is written back;
   *   <li>while an earlier item is computed, enough go that this index and every later one are gone
   *       (it may empty the list): a read of the next index fails as well as the write;
   *   <li>while an earlier item is computed, a few go and at least the next item stays: the
   *       extension must go on and update it.
   * </ul>
   *
   * <p>Each kind fails one mistake whatever the draw, so the verdict does not depend on the seed.
   */
  static List<Shrink> trials(SplittableRandom random) {
    int[] sizes = Ch07Inputs.sizes(random);
    for (int i = sizes.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = sizes[i];
      sizes[i] = sizes[j];
      sizes[j] = t;
    }
    return List.of(
        lastItem(random, sizes[0]), indexGone(random, sizes[1]), itemsRemain(random, sizes[2]));
  }

  private static Shrink lastItem(SplittableRandom random, int n) {
    return new Shrink(n, n - 1, Inputs.between(random, 1, n - 1), offset(random));
  }

  private static Shrink indexGone(SplittableRandom random, int n) {
    int during = Inputs.between(random, 0, n - 2);
    return new Shrink(n, during, Inputs.between(random, n - during, n), offset(random));
  }

  private static Shrink itemsRemain(SplittableRandom random, int n) {
    int during = Inputs.between(random, 0, n - 3);
    return new Shrink(n, during, Inputs.between(random, 1, n - 2 - during), offset(random));
  }

  private static long offset(SplittableRandom random) {
    return Inputs.momentNanos(random, OFFSET_FROM, OFFSET_TO);
  }

  /** The thread's body: wait for the moment, then pop and drop {@code count} items. */
  void apply(PyList list, Progress progress) {
    progress.awaitCalls(during, CALL_NANOS);
    Work.sleep(Duration.ofNanos(offsetNanos));
    for (int i = 0; i < count && list.size() > 0; i++) {
      list.pop().decref();
    }
  }

  /** How many items stay. */
  int remaining() {
    return size - count;
  }

  /** For example "another thread removed the last 3 of 7 items while item 5 was being computed". */
  String describe(String computation) {
    return "another Python thread removed "
        + (count == size
            ? "all " + size + " items"
            : "the last " + count + " of " + size + " items")
        + " while "
        + computation
        + " ran for item "
        + during;
  }
}

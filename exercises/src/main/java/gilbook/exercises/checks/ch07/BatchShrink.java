package gilbook.exercises.checks.ch07;

import gilbook.exercises.grading.Inputs;
import gilbook.runtime.PyList;
import gilbook.runtime.Work;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Another Python thread shortening the list in the middle of a batched update: once {@code during}
 * items have been computed, and part of the way into the next, it pops {@code count} items off the
 * end. {@link Shrink} does the same for lists of a dozen items computed at 1 ms each; here the list
 * has thousands and the items cost what the plan says. Immutable.
 *
 * @param plan the list and its costs (its server is not started: only the shrink matters here)
 * @param during how many computations finish before the removal
 * @param count how many items are removed
 * @param offsetNanos how far into the next computation
 */
record BatchShrink(BatchPlan plan, int during, int count, long offsetNanos) {
  /** Name of the thread that removes the items. */
  static final String THREAD = Shrink.THREAD;

  /**
   * Two removals in the middle half of the work: one that takes the item being computed and every
   * later one (it may empty the list), so the batch being computed cannot all be written back; and
   * one that leaves items after it, so the extension must go on to them.
   */
  static List<BatchShrink> trials(SplittableRandom random) {
    BatchPlan gone = BatchPlan.tight(random);
    BatchPlan remain = BatchPlan.tight(random);
    int n = gone.size();
    int during = Inputs.between(random, n / 4, 3 * n / 4);
    BatchShrink indexGone =
        new BatchShrink(gone, during, Inputs.between(random, n - during, n), offset(random, gone));
    int m = remain.size();
    int at = Inputs.between(random, m / 4, m / 2);
    BatchShrink itemsRemain =
        new BatchShrink(remain, at, Inputs.between(random, 1, m - at - 2), offset(random, remain));
    return random.nextBoolean() ? List.of(indexGone, itemsRemain) : List.of(itemsRemain, indexGone);
  }

  private static long offset(SplittableRandom random, BatchPlan plan) {
    return Inputs.momentNanos(random, plan.itemNanos() / 5, plan.itemNanos() * 7 / 10);
  }

  /** The thread's body: wait for the moment, then pop and drop {@code count} items. */
  void apply(PyList list, Progress progress) {
    progress.awaitCalls(during, plan.itemNanos());
    Work.sleep(Duration.ofNanos(offsetNanos));
    for (int i = 0; i < count && list.size() > 0; i++) {
      list.pop().decref();
    }
  }

  /** How many items stay. */
  int remaining() {
    return plan.size() - count;
  }

  /**
   * For example "another Python thread removed the last 900 of 2,000 items while item 1,100 ...".
   */
  String describe() {
    return String.format(
        "another Python thread removed %s while the computation ran for item %,d",
        count == plan.size()
            ? String.format("all %,d items", count)
            : String.format("the last %,d of %,d items", count, plan.size()),
        during);
  }
}

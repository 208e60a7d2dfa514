package gilbook.exercises.checks.ch07;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The batching exercise's plans keep the promises its checks rely on, for many seeds: no K fixed in
 * advance fits both kinds of trial, a K taken from the target fits each with room, and in the tight
 * trial a K taken from the item cost alone fits neither the target nor the bound.
 */
class BatchPlansTests {
  private static final long INTERVAL = BatchPlan.INTERVAL_NANOS;

  /** The largest K whose wait, 2K + 2 accesses, fits the target. */
  private static long ceiling(BatchPlan p) {
    return (p.targetNanos() / BatchPlan.ACCESS_NANOS - 2) / 2;
  }

  /** The smallest K whose intervals (one per batch) fit in the time bound's slack. */
  private static long floor(BatchPlan p) {
    return (long) Math.ceil((double) INTERVAL / p.itemNanos());
  }

  /** What the other thread waits through: a write-back and the next read, each with its len(). */
  private static long waitNanos(long k) {
    return (2 * k + 2) * BatchPlan.ACCESS_NANOS;
  }

  private static long batches(BatchPlan p, long k) {
    return (p.size() + k - 1) / k;
  }

  /**
   * The least a call with batches of K can take: its computation, and an interval for each
   * attachment that finds the server running (the first read, and every write-back).
   */
  private static long shortestCall(BatchPlan p, long k) {
    return p.computeNanos() + (batches(p, k) + 1) * INTERVAL;
  }

  /**
   * The most it can take: besides, each of those waits runs on to the server's next check point,
   * and the extension's own holds (every access, and two len() per batch).
   */
  private static long longestCall(BatchPlan p, long k) {
    long waits = (batches(p, k) + 1) * (INTERVAL + p.server().stepNanos());
    long holds = (2L * p.size() + 2 * batches(p, k)) * BatchPlan.ACCESS_NANOS;
    return p.computeNanos() + waits + holds;
  }

  @Nested
  class Trials {
    @Test
    void noFixedKFitsBothTheTightAndTheLooseTrial() {
      for (long seed = 0; seed < 500; seed++) {
        List<BatchPlan> trials = BatchPlan.trials(new SplittableRandom(seed));
        BatchPlan tight = trials.stream().filter(p -> p.kind().equals("tight")).findFirst().get();
        BatchPlan loose = trials.stream().filter(p -> p.kind().equals("loose")).findFirst().get();
        assertTrue(ceiling(tight) < floor(loose), "seed " + seed + ": " + trials);
      }
    }

    @Test
    void theLargestKTheTargetAllowsFitsEachTrialWithRoom() {
      for (long seed = 0; seed < 500; seed++) {
        for (BatchPlan p : BatchPlan.trials(new SplittableRandom(seed))) {
          long k = ceiling(p);
          assertTrue(waitNanos(k) <= p.targetNanos(), "seed " + seed + ": " + p);
          double used = (double) longestCall(p, k) / p.boundNanos();
          assertTrue(used < 0.95, "seed " + seed + ": " + p + " uses " + used + " of the bound");
        }
      }
    }

    @Test
    void aTenthUnderTheCeilingStillFitsEachTrial() {
      for (long seed = 0; seed < 500; seed++) {
        for (BatchPlan p : BatchPlan.trials(new SplittableRandom(seed))) {
          long k = ceiling(p) * 9 / 10;
          double used = (double) longestCall(p, k) / p.boundNanos();
          assertTrue(used < 1, "seed " + seed + ": " + p + " uses " + used + " of the bound");
        }
      }
    }

    @Test
    void theWholeListInOneHoldAlwaysMissesTheTarget() {
      for (long seed = 0; seed < 500; seed++) {
        for (BatchPlan p : BatchPlan.trials(new SplittableRandom(seed))) {
          assertTrue(p.size() * BatchPlan.ACCESS_NANOS > p.targetNanos(), "seed " + seed + p);
        }
      }
    }

    @Test
    void theServerOutlastsTheBound() {
      for (BatchPlan p : BatchPlan.trials(new SplittableRandom(7))) {
        assertTrue(p.server().stopNanos() > p.boundNanos(), p.toString());
        assertEquals(2 * p.size() * p.itemNanos(), p.boundNanos());
      }
    }
  }

  /**
   * The tight trial's window is narrow and just under the target's ceiling: a K worked out from the
   * item cost alone misses it, whatever multiple of the switch interval it budgets per batch.
   */
  @Nested
  class TightWindow {
    @Test
    void itsCeilingIsBetweenTheChosenMultiplesOfItsFloor() {
      for (long seed = 0; seed < 500; seed++) {
        BatchPlan p = BatchPlan.tight(new SplittableRandom(seed));
        double ratio = (double) ceiling(p) / ((double) INTERVAL / p.itemNanos());
        assertTrue(
            ratio >= BatchPlan.NARROW_FROM * 0.99 && ratio <= BatchPlan.NARROW_TO,
            "seed " + seed + ": " + p + " ratio " + ratio);
      }
    }

    @Test
    void aKOfTwoIntervalsOfWorkOrMoreMissesTheTarget() {
      // 10 ms / itemCost (the intervals at most half the computation), 20 ms (a quarter), 50 ms
      // (a tenth): the other thread waits through two such batches, more than the target.
      for (long seed = 0; seed < 500; seed++) {
        BatchPlan p = BatchPlan.tight(new SplittableRandom(seed));
        for (long work : new long[] {10_000_000, 20_000_000, 50_000_000}) {
          long k = work / p.itemNanos();
          assertTrue(
              waitNanos(k) > p.targetNanos() * 11 / 10,
              "seed " + seed + ": " + p + ", K = " + k + " waits " + waitNanos(k));
        }
      }
    }

    @Test
    void aKOfOneIntervalOfWorkMissesTheBound() {
      // 5 ms / itemCost: the intervals alone are as long as the computation, and the first
      // attachment waits one more.
      for (long seed = 0; seed < 500; seed++) {
        BatchPlan p = BatchPlan.tight(new SplittableRandom(seed));
        long k = INTERVAL / p.itemNanos();
        assertTrue(shortestCall(p, k) > p.boundNanos(), "seed " + seed + ": " + p + ", K = " + k);
      }
    }
  }

  @Nested
  class Shrinks {
    @Test
    void oneTakesTheItemBeingComputedAndOneLeavesItemsAfterIt() {
      for (long seed = 0; seed < 200; seed++) {
        List<BatchShrink> trials = BatchShrink.trials(new SplittableRandom(seed));
        assertEquals(2, trials.size());
        long gone = trials.stream().filter(s -> s.remaining() <= s.during()).count();
        long remain = trials.stream().filter(s -> s.remaining() >= s.during() + 2).count();
        assertEquals(1, gone, "seed " + seed + ": " + trials);
        assertEquals(1, remain, "seed " + seed + ": " + trials);
        for (BatchShrink s : trials) {
          assertTrue(s.offsetNanos() < s.plan().itemNanos(), s.toString());
        }
      }
    }
  }
}

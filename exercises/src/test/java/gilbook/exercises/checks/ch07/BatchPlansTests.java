package gilbook.exercises.checks.ch07;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The batching exercise's plans keep the promises its checks rely on, for many seeds: no K fixed in
 * advance fits both kinds of trial, and a K taken from the target fits each with room.
 */
class BatchPlansTests {
  private static final long INTERVAL = 5_000_000;

  /** The largest K whose wait, 2K + 2 accesses, fits the target. */
  private static long ceiling(BatchPlan p) {
    return (p.targetNanos() / BatchPlan.ACCESS_NANOS - 2) / 2;
  }

  /** The smallest K whose intervals (one per batch) fit in the time bound's slack. */
  private static long floor(BatchPlan p) {
    return (long) Math.ceil((double) INTERVAL / p.itemNanos());
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
    void halfTheCeilingStillFitsEachTrialWithRoom() {
      for (long seed = 0; seed < 500; seed++) {
        for (BatchPlan p : BatchPlan.trials(new SplittableRandom(seed))) {
          long k = ceiling(p) / 2;
          double overhead = (double) INTERVAL / (k * p.itemNanos());
          assertTrue(overhead < 0.75, "seed " + seed + ": " + p + " overhead " + overhead);
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

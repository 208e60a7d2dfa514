package gilbook.exercises.checks.ch08;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The guarantees the "Shut down from another thread" checks rest on hold for every seed, not only
 * for the ones the corpora were graded with: a file that ignores its arguments meets a shape it did
 * not assume, the first plan has a worker that starts only after Main's work (so ending the program
 * before joining the workers always cuts one off), and the total is outside the small-int cache.
 */
class ShutdownPlanTests {
  private static final int SEEDS = 2_000;

  @Test
  void everySeedGivesThreePlansOfDifferentShapes() {
    for (long seed = 0; seed < SEEDS; seed++) {
      List<ShutdownPlan> plans = ShutdownPlan.trials(new SplittableRandom(seed), 3);
      assertEquals(3, plans.size());
      Set<List<Integer>> shapes = new HashSet<>();
      for (ShutdownPlan p : plans) {
        shapes.add(List.of(p.embed().workers(), p.embed().items()));
      }
      assertEquals(3, shapes.size(), "seed " + seed + ": " + plans);
    }
  }

  @Test
  void theFirstPlanHasALateWorkerAndAnExitHandlerThatAsksAtOnce() {
    for (long seed = 0; seed < SEEDS; seed++) {
      ShutdownPlan first = ShutdownPlan.trials(new SplittableRandom(seed), 3).get(0);
      EmbedPlan embed = first.embed();
      assertEquals(EmbedPlan.MAX_WORKERS, embed.workers(), "seed " + seed);
      assertEquals(0, first.exitDelay(), "seed " + seed);
      long last = embed.startDelay(embed.workers() - 1);
      assertTrue(last >= embed.work().toNanos() + 1_000_000, "seed " + seed + ": " + embed);
    }
  }

  @Test
  void exitDelaysStayWithinTheirRangeAndTotalsOutsideTheSmallIntCache() {
    for (long seed = 0; seed < SEEDS; seed++) {
      for (ShutdownPlan p : ShutdownPlan.trials(new SplittableRandom(seed), 3)) {
        assertTrue(p.exitDelay() >= 0 && p.exitDelay() < ShutdownPlan.MAX_EXIT_DELAY, "" + p);
        long sum = 0;
        for (int w = 0; w < p.embed().workers(); w++) {
          for (int i = 0; i < p.embed().items(); i++) {
            sum += EmbedPlan.value(w, i);
          }
        }
        assertEquals(sum, p.total());
        assertTrue(p.total() > 256, "" + p);
      }
    }
  }

  @Test
  void theSameSeedGivesTheSamePlans() {
    assertEquals(
        ShutdownPlan.trials(new SplittableRandom(42), 3),
        ShutdownPlan.trials(new SplittableRandom(42), 3));
  }
}

package gilbook.exercises.checks.ch03;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gilbook.exercises.contract.IntervalWorkload;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The model "Tune the interval" teaches is exact in the simulation for every generated question, so
 * a learner who derives it passes with room to spare, and the wrong models miss by more than the
 * tolerance.
 */
class IntervalModelTests {

  @ParameterizedTest
  @ValueSource(longs = {0, 1, 2, 3, 4, 5})
  void theModelIsExactAtEveryGeneratedInterval(long seed) {
    IntervalPlan plan = IntervalPlan.predictions(new SplittableRandom(seed));
    IntervalWorkload w = plan.workload();
    long every = w.checkPointEvery().toNanos();
    for (Duration d : plan.intervals()) {
      long i = d.toNanos();
      assertEquals(
          1e9 / IntervalPlan.modelRun(i, every), IntervalLab.switchesPerSecond(i, w), 1e-6);
      assertEquals(IntervalPlan.modelWait(i, w), IntervalLab.convoyWait(i, w), d.toString());
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 1, 2, 3, 4, 5})
  void ignoringCheckPointsMissesBy20PercentAtTheTightInterval(long seed) {
    IntervalPlan plan = IntervalPlan.predictions(new SplittableRandom(seed));
    long tight = plan.intervals().get(0).toNanos();
    double actual = IntervalLab.switchesPerSecond(tight, plan.workload());
    assertTrue(1e9 / tight > 1.2 * actual, "1/interval is " + 1e9 / tight + " vs " + actual);
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 1, 2, 3, 4, 5})
  void aChoiceHasOneCheapestAnswerThatIsNeitherEndNorFiveMilliseconds(long seed) {
    IntervalPlan.Choice c = IntervalPlan.choice(new SplittableRandom(seed));
    IntervalWorkload w = c.workload();
    long target = c.target().toNanos();
    int n = c.candidates().size();
    assertTrue(IntervalLab.convoyWait(c.candidates().get(0).toNanos(), w) <= target);
    assertTrue(IntervalLab.convoyWait(c.candidates().get(n - 1).toNanos(), w) > target);
    Duration best = null;
    for (Duration d : c.candidates()) {
      long wait = IntervalLab.convoyWait(d.toNanos(), w);
      // Room on both sides: a prediction 20% off still sorts this candidate right.
      assertTrue(wait * 1.2 < target || wait > target * 1.2, d + " waits " + wait);
      if (wait <= target) {
        best = d;
      }
    }
    assertTrue(
        IntervalLab.switchesPerSecond(best.toNanos(), w)
            < IntervalLab.switchesPerSecond(c.candidates().get(0).toNanos(), w));
    assertTrue(!best.equals(Duration.ofMillis(5)));
  }
}

package gilbook.runtime.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SamplingTests {

  /** Three threads of three operations: 27! / (9!)^3, far beyond the default limit. */
  private static final InterleavingExplorer LARGE =
      InterleavingExplorer.builder()
          .initialRefcount(3)
          .thread("A", RefOp.INCREF, RefOp.DECREF, RefOp.INCREF)
          .thread("B", RefOp.DECREF, RefOp.INCREF, RefOp.DECREF)
          .thread("C", RefOp.INCREF, RefOp.DECREF, RefOp.DECREF)
          .build();

  private static List<List<String>> orders(ExplorationResult result) {
    return result.schedules().stream().map(Schedule::threadOrder).toList();
  }

  @Nested
  class Reproducibility {

    @Test
    void theSameSeedGivesTheSameSchedulesAndCounts() {
      ExplorationResult first = LARGE.sample(42, 500);
      ExplorationResult second = LARGE.sample(42, 500);
      assertEquals(first.summary(), second.summary());
      assertEquals(orders(first), orders(second));
      assertEquals(
          first.firstLosing().orElseThrow().describe(),
          second.firstLosing().orElseThrow().describe());
    }

    @Test
    void differentSeedsGiveDifferentSchedules() {
      assertNotEquals(orders(LARGE.sample(1, 50)), orders(LARGE.sample(2, 50)));
    }
  }

  @Nested
  class Counts {

    @Test
    void outcomeCountsAddUpToTheNumberOfSamples() {
      ExplorationResult result = LARGE.sample(7, 3_000);
      long sum = 0;
      for (Outcome outcome : Outcome.values()) {
        sum += result.count(outcome);
      }
      assertEquals(3_000, result.total());
      assertEquals(3_000, sum);
      assertFalse(result.exhaustive());
      assertEquals(OptionalLong.of(7), result.seed());
      assertTrue(result.summary().startsWith("3,000 sampled schedules (seed 7): "));
    }

    @Test
    void samplesAreNumberedAndTitledAsSamples() {
      Schedule first = LARGE.sample(7, 10).schedules().get(0);
      assertEquals(1, first.number());
      assertTrue(first.describe().startsWith("Sample 1 of 10 (seed 7): "));
    }

    @Test
    void aSampleOfASmallCaseFindsOutcomesInProportionToTheirShare() {
      ExplorationResult result =
          InterleavingExplorer.builder()
              .thread("T1", RefOp.INCREF)
              .thread("T2", RefOp.DECREF)
              .build()
              .sample(11, 20_000);
      // Exhaustively: 2 correct, 9 leak, 9 premature free out of 20.
      assertEquals(0.10, result.count(Outcome.CORRECT) / 20_000.0, 0.02);
      assertEquals(0.45, result.count(Outcome.LEAK) / 20_000.0, 0.02);
      assertEquals(0.45, result.count(Outcome.PREMATURE_FREE) / 20_000.0, 0.02);
    }

    @Test
    void fewerThanOneSampleFails() {
      IllegalArgumentException failure =
          assertThrows(IllegalArgumentException.class, () -> LARGE.sample(1, 0));
      assertEquals("schedules must be at least 1, was 0", failure.getMessage());
    }
  }

  @Nested
  class ExhaustiveLimit {

    @Test
    void exploringTooManySchedulesFailsNamingTheCountTheLimitAndSample() {
      BigInteger count = LARGE.scheduleCount();
      assertTrue(count.compareTo(BigInteger.valueOf(1_000_000)) > 0);
      IllegalArgumentException failure =
          assertThrows(IllegalArgumentException.class, LARGE::explore);
      String message = failure.getMessage();
      assertTrue(message.contains(String.format("%,d", count)), message);
      assertTrue(message.contains("1,000,000"), message);
      assertTrue(message.contains("sample(seed, n)"), message);
    }

    @Test
    void samplingWorksWhereExploringIsRefused() {
      assertEquals(100, LARGE.sample(3, 100).total());
    }

    @Test
    void theLimitIsInclusiveAndConfigurable() {
      InterleavingExplorer.Builder builder =
          InterleavingExplorer.builder().thread("T1", RefOp.INCREF).thread("T2", RefOp.INCREF);
      assertEquals(20, builder.exhaustiveLimit(20).build().explore().total());
      IllegalArgumentException failure =
          assertThrows(
              IllegalArgumentException.class, () -> builder.exhaustiveLimit(19).build().explore());
      assertTrue(failure.getMessage().startsWith("explore() would run 20 schedules"));
    }
  }
}

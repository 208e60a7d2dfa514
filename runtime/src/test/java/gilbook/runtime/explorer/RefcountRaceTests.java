package gilbook.runtime.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Checks the explorer's verdicts against reasoning that reads only the order of threads.
 *
 * <p>For one operation per thread, a thread's 1st step is its LOAD and its 3rd its STORE.
 */
class RefcountRaceTests {

  /** The 1-based step number of a thread's {@code nth} step (1-based) in a schedule. */
  static int stepOf(Schedule schedule, String thread, int nth) {
    List<String> order = schedule.threadOrder();
    int seen = 0;
    for (int i = 0; i < order.size(); i++) {
      if (order.get(i).equals(thread) && ++seen == nth) {
        return i + 1;
      }
    }
    throw new AssertionError(thread + " has no step " + nth + " in " + order);
  }

  /** Whether the LOAD..STORE windows of two single-operation threads overlap. */
  static boolean windowsOverlap(Schedule schedule, String a, String b) {
    boolean aFirst = stepOf(schedule, a, 3) < stepOf(schedule, b, 1);
    boolean bFirst = stepOf(schedule, b, 3) < stepOf(schedule, a, 1);
    return !(aFirst || bFirst);
  }

  @Nested
  class TwoIncrefsFromOne {

    private final ExplorationResult result =
        InterleavingExplorer.builder()
            .thread("T1", RefOp.INCREF)
            .thread("T2", RefOp.INCREF)
            .build()
            .explore();

    @Test
    void thereAreExactlyTwentySchedulesAndAllAreKept() {
      assertTrue(result.exhaustive());
      assertEquals(20, result.total());
      assertEquals(20, result.schedules().size());
    }

    @Test
    void exactlyTheSchedulesWhoseWindowsOverlapLoseAnIncrefAndArePrematureFrees() {
      long overlapping = 0;
      for (Schedule schedule : result.schedules()) {
        boolean overlap = windowsOverlap(schedule, "T1", "T2");
        overlapping += overlap ? 1 : 0;
        assertEquals(overlap ? 2 : 3, schedule.finalRefcount(), schedule.describe());
        assertEquals(
            overlap ? Outcome.PREMATURE_FREE : Outcome.CORRECT,
            schedule.outcome(),
            schedule.describe());
        assertEquals(overlap ? 1 : 0, schedule.lostUpdates().size(), schedule.describe());
      }
      assertEquals(18, overlapping);
      assertEquals(18, result.count(Outcome.PREMATURE_FREE));
      assertEquals(2, result.count(Outcome.CORRECT));
      assertEquals(0, result.count(Outcome.LEAK));
    }

    @Test
    void theLostIncrefIsTheOneWhoseStoreIsOverwritten() {
      for (Schedule schedule : result.schedules(Outcome.PREMATURE_FREE)) {
        String firstToStore = stepOf(schedule, "T1", 3) < stepOf(schedule, "T2", 3) ? "T1" : "T2";
        assertEquals(List.of(firstToStore + "'s INCREF"), schedule.lostUpdates());
      }
    }

    @Test
    void aCountThatIsOnlyTooLowHasNotFreedTheObjectYet() {
      for (Schedule schedule : result.schedules()) {
        assertEquals(OptionalInt.empty(), schedule.freedAtStep());
        assertFalse(schedule.useAfterFree());
      }
    }

    @Test
    void theTwoSerialSchedulesComeFirstAndLastInTheExploration() {
      List<Schedule> correct = result.schedules(Outcome.CORRECT);
      assertEquals(List.of(1L, 20L), correct.stream().map(Schedule::number).toList());
      assertEquals(2, result.firstLosing().orElseThrow().number());
    }

    @Test
    void theSummaryCountsEachOutcome() {
      assertEquals("20 schedules: 2 correct, 0 leak, 18 premature free", result.summary());
    }
  }

  @Nested
  class IncrefAgainstDecrefFromOne {

    private final ExplorationResult result =
        InterleavingExplorer.builder()
            .thread("T1", RefOp.INCREF)
            .thread("T2", RefOp.DECREF)
            .build()
            .explore();

    @Test
    void serialSchedulesAreCorrect() {
      for (Schedule schedule : result.schedules()) {
        if (!windowsOverlap(schedule, "T1", "T2")) {
          assertEquals(Outcome.CORRECT, schedule.outcome(), schedule.describe());
          assertEquals(1, schedule.finalRefcount());
        }
      }
    }

    @Test
    void aLostIncrefDropsTheCountToZeroAndFreesTheObjectAtThatStore() {
      for (Schedule schedule : result.schedules()) {
        // Overlapping windows both LOAD 1; the later STORE wins.
        if (windowsOverlap(schedule, "T1", "T2")
            && stepOf(schedule, "T2", 3) > stepOf(schedule, "T1", 3)) {
          assertEquals(Outcome.PREMATURE_FREE, schedule.outcome(), schedule.describe());
          assertEquals(0, schedule.finalRefcount());
          assertEquals(OptionalInt.of(stepOf(schedule, "T2", 3)), schedule.freedAtStep());
          assertTrue(schedule.freedWhileReferenced());
          assertEquals(List.of("T1's INCREF"), schedule.lostUpdates());
        }
      }
    }

    @Test
    void aLostDecrefLeavesTheCountAtTwoAndLeaks() {
      for (Schedule schedule : result.schedules()) {
        if (windowsOverlap(schedule, "T1", "T2")
            && stepOf(schedule, "T1", 3) > stepOf(schedule, "T2", 3)) {
          assertEquals(Outcome.LEAK, schedule.outcome(), schedule.describe());
          assertEquals(2, schedule.finalRefcount());
          assertEquals(List.of("T2's DECREF"), schedule.lostUpdates());
        }
      }
    }

    @Test
    void theOutcomeCountsFollowFromSymmetry() {
      // 18 overlapping schedules; swapping the names T1 and T2 maps those where T2 stores last
      // onto those where T1 stores last, so each half has 9.
      assertEquals(2, result.count(Outcome.CORRECT));
      assertEquals(9, result.count(Outcome.PREMATURE_FREE));
      assertEquals(9, result.count(Outcome.LEAK));
      assertEquals(20, result.total());
    }

    @Test
    void theSerialScheduleWithTheDecrefFirstFreesTheObjectEvenWithoutARace() {
      Schedule decrefFirst = result.schedules().get(19);
      assertEquals(List.of("T2", "T2", "T2", "T1", "T1", "T1"), decrefFirst.threadOrder());
      assertEquals(Outcome.CORRECT, decrefFirst.outcome());
      assertEquals(OptionalInt.of(3), decrefFirst.freedAtStep());
      assertFalse(decrefFirst.freedWhileReferenced());
      assertTrue(decrefFirst.useAfterFree());
      assertTrue(decrefFirst.describe().contains("would happen with the GIL too"));
    }
  }

  @Nested
  class TwoDecrefsFromTwo {

    private final ExplorationResult result =
        InterleavingExplorer.builder()
            .initialRefcount(2)
            .thread("T1", RefOp.DECREF)
            .thread("T2", RefOp.DECREF)
            .build()
            .explore();

    @Test
    void serialSchedulesReachZeroAndFreeTheObjectAtTheLastStep() {
      for (Schedule schedule : result.schedules(Outcome.CORRECT)) {
        assertFalse(windowsOverlap(schedule, "T1", "T2"));
        assertEquals(0, schedule.finalRefcount());
        assertEquals(OptionalInt.of(6), schedule.freedAtStep());
        assertFalse(schedule.useAfterFree());
      }
      assertEquals(2, result.count(Outcome.CORRECT));
    }

    @Test
    void overlappingSchedulesLoseADecrefAndLeak() {
      for (Schedule schedule : result.schedules()) {
        if (windowsOverlap(schedule, "T1", "T2")) {
          assertEquals(Outcome.LEAK, schedule.outcome());
          assertEquals(1, schedule.finalRefcount());
          assertEquals(OptionalInt.empty(), schedule.freedAtStep());
        }
      }
      assertEquals(18, result.count(Outcome.LEAK));
    }
  }

  /**
   * A list and T2 each hold a reference (count 2). T1 borrows from the list (INCREF, then DECREF);
   * T2 drops its own. Run one at a time, the count never reaches 0, so every free is a race.
   */
  @Nested
  class BorrowAgainstDecref {

    private final InterleavingExplorer explorer =
        InterleavingExplorer.builder()
            .initialRefcount(2)
            .thread("T1", RefOp.INCREF, RefOp.DECREF)
            .thread("T2", RefOp.DECREF)
            .build();
    private final ExplorationResult result = explorer.explore();

    @Test
    void thereAreNineChooseThreeSchedules() {
      assertEquals(BigInteger.valueOf(84), explorer.scheduleCount());
      assertEquals(84, result.total());
    }

    @Test
    void losingT1sIncrefFreesTheObjectWhileTheListStillHoldsIt() {
      Schedule schedule =
          result.schedules().stream()
              .filter(
                  s ->
                      s.threadOrder()
                          .equals(List.of("T2", "T1", "T1", "T1", "T2", "T2", "T1", "T1", "T1")))
              .findFirst()
              .orElseThrow();
      assertEquals(Outcome.PREMATURE_FREE, schedule.outcome());
      assertEquals(OptionalInt.of(9), schedule.freedAtStep());
      assertTrue(schedule.freedWhileReferenced());
      assertEquals(List.of("T1's INCREF #1"), schedule.lostUpdates());
    }

    @Test
    void everyUseAfterFreeFollowsAPrematureFree() {
      for (Schedule schedule : result.schedules()) {
        if (schedule.useAfterFree() || schedule.freedAtStep().isPresent()) {
          assertTrue(schedule.freedWhileReferenced(), schedule.describe());
          assertEquals(Outcome.PREMATURE_FREE, schedule.outcome());
        }
      }
    }

    @Test
    void theFinalCountIsTheExpectedCountMinusTheLostDeltas() {
      for (Schedule schedule : result.schedules()) {
        int lostDelta = 0;
        for (String lost : schedule.lostUpdates()) {
          lostDelta += lost.contains("INCREF") ? 1 : -1;
        }
        assertEquals(schedule.expectedRefcount() - lostDelta, schedule.finalRefcount());
      }
    }

    @Test
    void theOutcomeCountsAddUpToTheTotal() {
      long sum = 0;
      for (Outcome outcome : Outcome.values()) {
        sum += result.count(outcome);
        assertEquals(result.count(outcome), result.schedules(outcome).size());
      }
      assertEquals(result.total(), sum);
    }
  }

  @Nested
  class KeptSchedules {

    @Test
    void onlyTheFirstSchedulesOfAnOutcomeAreKeptButAllAreCounted() {
      ExplorationResult result =
          InterleavingExplorer.builder()
              .thread("T1", RefOp.INCREF)
              .thread("T2", RefOp.INCREF)
              .thread("T3", RefOp.INCREF)
              .build()
              .explore();
      assertEquals(1680, result.total());
      assertTrue(result.count(Outcome.PREMATURE_FREE) > ExplorationResult.KEPT_PER_OUTCOME);
      List<Schedule> kept = result.schedules(Outcome.PREMATURE_FREE);
      assertEquals(ExplorationResult.KEPT_PER_OUTCOME, kept.size());
      for (int i = 1; i < kept.size(); i++) {
        assertTrue(kept.get(i - 1).number() < kept.get(i).number());
      }
      assertEquals(3 * 2 * 1, result.count(Outcome.CORRECT));
    }
  }
}

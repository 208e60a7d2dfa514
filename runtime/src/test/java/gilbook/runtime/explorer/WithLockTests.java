package gilbook.runtime.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class WithLockTests {

  private static InterleavingExplorer.Builder threeThreads() {
    return InterleavingExplorer.builder()
        .initialRefcount(2)
        .thread("T1", RefOp.INCREF, RefOp.DECREF)
        .thread("T2", RefOp.DECREF)
        .thread("T3", RefOp.INCREF, RefOp.INCREF, RefOp.DECREF);
  }

  @Nested
  class Outcomes {

    @Test
    void everyScheduleIsCorrect() {
      ExplorationResult result = threeThreads().withLock(true).build().explore();
      assertEquals(result.total(), result.count(Outcome.CORRECT));
      assertEquals(Optional.empty(), result.firstLosing());
    }

    @Test
    void everyScheduleOfTheClassicRaceIsCorrect() {
      ExplorationResult result =
          InterleavingExplorer.builder()
              .thread("T1", RefOp.INCREF)
              .thread("T2", RefOp.INCREF)
              .withLock(true)
              .build()
              .explore();
      assertEquals("2 schedules: 2 correct, 0 leak, 0 premature free", result.summary());
    }

    @Test
    void theSameThreadsRaceWithoutTheLock() {
      ExplorationResult result = threeThreads().build().sample(5, 200);
      assertTrue(result.count(Outcome.CORRECT) < result.total());
    }
  }

  @Nested
  class Schedules {

    @Test
    void onlyWholeOperationsInterleave() {
      InterleavingExplorer explorer = threeThreads().withLock(true).build();
      // 6 operations: 6! / (2! 1! 3!) orders.
      assertEquals(BigInteger.valueOf(60), explorer.scheduleCount());
      List<MicroStep> unit =
          List.of(
              MicroStep.ACQUIRE, MicroStep.LOAD, MicroStep.ADD, MicroStep.STORE, MicroStep.RELEASE);
      for (Schedule schedule : explorer.explore().schedules()) {
        List<Step> steps = schedule.steps();
        for (int start = 0; start < steps.size(); start += unit.size()) {
          List<Step> operation = steps.subList(start, start + unit.size());
          assertEquals(unit, operation.stream().map(Step::kind).toList());
          assertEquals(1, operation.stream().map(Step::thread).distinct().count());
        }
      }
    }

    @Test
    void describeShowsTheLockSteps() {
      String text = threeThreads().withLock(true).build().explore().schedules().get(0).describe();
      assertTrue(text.contains("ACQUIRE lock for INCREF"), text);
      assertTrue(text.contains("RELEASE lock"), text);
      assertTrue(text.contains("each operation holds the lock"), text);
    }
  }

  @Nested
  class Cost {

    @Test
    void theLockAddsTwoStepsPerOperation() {
      InterleavingExplorer locked = threeThreads().withLock(true).build();
      InterleavingExplorer plain = threeThreads().build();
      assertEquals(2, locked.extraStepsPerOperation());
      assertEquals(0, plain.extraStepsPerOperation());
      assertEquals(6 * 3, plain.stepsPerSchedule());
      assertEquals(6 * 5, locked.stepsPerSchedule());
      assertEquals(30, locked.explore().schedules().get(0).steps().size());
    }
  }
}

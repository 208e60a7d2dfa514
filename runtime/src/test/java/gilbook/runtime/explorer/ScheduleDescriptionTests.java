package gilbook.runtime.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ScheduleDescriptionTests {

  private static final ExplorationResult INCREF_AGAINST_DECREF =
      InterleavingExplorer.builder()
          .thread("T1", RefOp.INCREF)
          .thread("T2", RefOp.DECREF)
          .build()
          .explore();

  private static Schedule withOrder(ExplorationResult result, String... threads) {
    return result.schedules().stream()
        .filter(schedule -> schedule.threadOrder().equals(List.of(threads)))
        .findFirst()
        .orElseThrow();
  }

  @Nested
  class LosingSchedule {

    @Test
    void namesEachThreadEachMicroStepAndTheOutcome() {
      String text = INCREF_AGAINST_DECREF.firstLosing().orElseThrow().describe();
      for (String word : List.of("T1", "T2", "LOAD", "ADD", "STORE", "PREMATURE_FREE")) {
        assertTrue(text.contains(word), () -> word + " missing from:\n" + text);
      }
    }

    @Test
    void printsEveryStepWithItsValuesAndSaysWhatWentWrong() {
      Schedule schedule = withOrder(INCREF_AGAINST_DECREF, "T2", "T1", "T2", "T1", "T1", "T2");
      assertEquals(
          """
          Schedule 14 of 20: PREMATURE_FREE
            start: ob_refcnt = 1; T1 runs INCREF; T2 runs DECREF
            step 1  T2  LOAD  ob_refcnt -> r = 1
            step 2  T1  LOAD  ob_refcnt -> r = 1
            step 3  T2  ADD   r = 1 - 1 = 0
            step 4  T1  ADD   r = 1 + 1 = 2
            step 5  T1  STORE ob_refcnt = 2
            step 6  T2  STORE ob_refcnt = 0   <- overwrites T1's INCREF (T2 loaded the count \
          before that STORE); count is 0: object freed while 1 reference is still held \
          (premature free)
            result: ob_refcnt = 0, expected 1 (lost T1's INCREF)
            verdict: premature free: the object was freed at step 6 while a reference to it was \
          still held; any later use of it is a use after free
          """,
          schedule.describe());
    }

    @Test
    void aLeakSaysTheCountIsTooHigh() {
      ExplorationResult result =
          InterleavingExplorer.builder()
              .initialRefcount(2)
              .thread("main", RefOp.DECREF)
              .thread("worker", RefOp.DECREF)
              .build()
              .explore();
      String text = result.firstLosing().orElseThrow().describe();
      assertTrue(text.contains("lost main's DECREF"), text);
      assertTrue(text.contains("leak: the count is 1 too high"), text);
      assertTrue(text.contains("step 1  main    LOAD  ob_refcnt -> r = 2"), text);
    }

    @Test
    void stepsAfterAPrematureFreeAreMarkedAsUseAfterFree() {
      ExplorationResult result =
          InterleavingExplorer.builder()
              .initialRefcount(2)
              .thread("T1", RefOp.INCREF, RefOp.DECREF)
              .thread("T2", RefOp.DECREF)
              .thread("T3", RefOp.INCREF)
              .build()
              .explore();
      Schedule schedule =
          result.schedules(Outcome.PREMATURE_FREE).stream()
              .filter(s -> s.freedWhileReferenced() && s.useAfterFree())
              .findFirst()
              .orElseThrow();
      Step firstUse =
          schedule.steps().stream().filter(Step::useAfterFree).findFirst().orElseThrow();
      assertTrue(firstUse.number() > schedule.freedAtStep().orElseThrow());
      assertTrue(firstUse.note().startsWith("use after free"), firstUse.note());
      String text = schedule.describe();
      assertTrue(text.contains("<- use after free"), text);
      assertTrue(text.contains("then used the freed object (use after free)"), text);
    }
  }

  @Nested
  class CorrectSchedule {

    @Test
    void saysNoUpdateWasLost() {
      String text = INCREF_AGAINST_DECREF.schedules().get(0).describe();
      assertTrue(text.startsWith("Schedule 1 of 20: CORRECT\n"), text);
      assertTrue(text.contains("result: ob_refcnt = 1, expected 1 (no update lost)"), text);
    }

    @Test
    void sayWhenTheObjectIsFreedAtTheRightTime() {
      String text =
          InterleavingExplorer.builder()
              .thread("T1", RefOp.DECREF)
              .build()
              .explore()
              .schedules()
              .get(0)
              .describe();
      assertTrue(
          text.contains("object freed after the last reference was dropped (correct)"), text);
    }
  }

  @Test
  void toStringIsTheTitleAndOutcome() {
    assertEquals("Schedule 1 of 20: CORRECT", INCREF_AGAINST_DECREF.schedules().get(0).toString());
  }
}

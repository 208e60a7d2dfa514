package gilbook.runtime.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ReplayTests {

  private static InterleavingExplorer increfAgainstDecref() {
    return InterleavingExplorer.builder()
        .thread("T1", RefOp.INCREF)
        .thread("T2", RefOp.DECREF)
        .build();
  }

  @Test
  void aLostIncrefFreesTheObjectWhileT1HoldsItsReference() {
    Replay replay = increfAgainstDecref().replay(List.of("T2", "T1", "T1", "T1", "T2", "T2"));
    assertTrue(replay.complete());
    assertTrue(replay.prematureFree());
    assertEquals(OptionalInt.of(6), replay.freedAtStep());
    assertEquals(0, replay.refcount());
    assertEquals(1, replay.referencesHeld());
    assertEquals(Outcome.PREMATURE_FREE, replay.schedule().orElseThrow().outcome());
    assertTrue(replay.describe().contains("premature free"), replay.describe());
  }

  @Test
  void aPartialReplayStopsWhereItIsTold() {
    Replay replay = increfAgainstDecref().replay(List.of("T2", "T1", "T1", "T1", "T2"));
    assertFalse(replay.complete());
    assertFalse(replay.prematureFree());
    assertEquals(5, replay.steps().size());
    assertEquals(2, replay.refcount());
    assertTrue(replay.schedule().isEmpty());
    assertTrue(replay.describe().startsWith("Replay of 5 of 6 steps"), replay.describe());
    assertTrue(replay.describe().contains("no premature free so far"), replay.describe());
  }

  @Test
  void aCountThatReachesZeroWithNoReferenceHeldIsNoPrematureFree() {
    Replay replay = increfAgainstDecref().replay(List.of("T2", "T2", "T2"));
    assertEquals(OptionalInt.of(3), replay.freedAtStep());
    assertFalse(replay.prematureFree());
    assertTrue(replay.describe().contains("when no reference was held"), replay.describe());
  }

  @Test
  void theEmptyOrderReplaysNothing() {
    Replay replay = increfAgainstDecref().replay(List.of());
    assertEquals(List.of(), replay.steps());
    assertEquals(1, replay.refcount());
    assertFalse(replay.prematureFree());
  }

  @Test
  void everyExploredScheduleReplaysToTheSameSteps() {
    InterleavingExplorer explorer =
        InterleavingExplorer.builder()
            .initialRefcount(2)
            .thread("A", RefOp.INCREF, RefOp.DECREF)
            .thread("B", RefOp.DECREF)
            .build();
    for (Schedule schedule : explorer.explore().schedules()) {
      Replay replay = explorer.replay(schedule.threadOrder());
      assertEquals(schedule.steps(), replay.steps());
      assertEquals(schedule.outcome(), replay.schedule().orElseThrow().outcome());
      assertEquals(schedule.freedWhileReferenced(), replay.prematureFree());
    }
  }

  @Test
  void anUnknownThreadIsNamed() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> increfAgainstDecref().replay(List.of("T1", "T3")));
    assertEquals(
        "step 2 names \"T3\", which is not a thread of this explorer; its threads are [T1, T2]",
        e.getMessage());
  }

  @Test
  void aThreadNamedTooOftenIsNamed() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> increfAgainstDecref().replay(List.of("T1", "T1", "T1", "T1")));
    assertEquals(
        "step 4 names T1 for its step #4, but T1 has only 3 micro-steps (1 operation of 3)",
        e.getMessage());
  }

  @Test
  void aNullOrderIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> increfAgainstDecref().replay(null));
  }

  @Test
  void withTheLockAThreadCannotTakeALockAnotherHolds() {
    InterleavingExplorer explorer =
        InterleavingExplorer.builder()
            .thread("T1", RefOp.INCREF)
            .thread("T2", RefOp.DECREF)
            .withLock(true)
            .build();
    assertEquals(5, explorer.stepsOf("T1"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> explorer.replay(List.of("T1", "T2")));
    assertEquals(
        "step 2 names T2, which cannot take the lock: T1 holds it until its RELEASE",
        e.getMessage());
    Replay replay =
        explorer.replay(List.of("T1", "T1", "T1", "T1", "T1", "T2", "T2", "T2", "T2", "T2"));
    assertEquals(Outcome.CORRECT, replay.schedule().orElseThrow().outcome());
  }

  @Test
  void theSetupIsReadable() {
    InterleavingExplorer explorer = increfAgainstDecref();
    assertEquals(List.of(RefOp.DECREF), explorer.ops("T2"));
    assertEquals("start: ob_refcnt = 1; T1 runs INCREF; T2 runs DECREF", explorer.describeSetup());
    assertThrows(IllegalArgumentException.class, () -> explorer.ops("T9"));
  }
}

package gilbook.runtime.explorer;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class InterleavingExplorerBuilderTests {

  private static String failure(Executable build) {
    return assertThrows(IllegalArgumentException.class, build).getMessage();
  }

  @Nested
  class Defaults {

    @Test
    void anExplorerStartsAtCountOneWithoutALockAndWithTheDefaultLimit() {
      InterleavingExplorer explorer =
          InterleavingExplorer.builder().thread("T1", RefOp.INCREF).build();
      assertAll(
          () -> assertEquals(1, explorer.initialRefcount()),
          () -> assertFalse(explorer.locked()),
          () ->
              assertEquals(
                  InterleavingExplorer.DEFAULT_EXHAUSTIVE_LIMIT, explorer.exhaustiveLimit()),
          () -> assertEquals(1_000_000, explorer.exhaustiveLimit()));
    }

    @Test
    void theExplorerReportsItsThreadsExpectedCountAndScheduleCount() {
      InterleavingExplorer explorer =
          InterleavingExplorer.builder()
              .initialRefcount(3)
              .thread("main", RefOp.INCREF, RefOp.DECREF, RefOp.DECREF)
              .thread("worker", RefOp.INCREF)
              .build();
      assertAll(
          () -> assertEquals(List.of("main", "worker"), explorer.threadNames()),
          () -> assertEquals(3, explorer.expectedRefcount()),
          () -> assertEquals(12, explorer.stepsPerSchedule()),
          () -> assertEquals(BigInteger.valueOf(220), explorer.scheduleCount()));
    }

    @Test
    void oneThreadIsEnoughAndHasExactlyOneSchedule() {
      InterleavingExplorer explorer =
          InterleavingExplorer.builder().thread("solo", RefOp.INCREF, RefOp.DECREF).build();
      assertEquals(BigInteger.ONE, explorer.scheduleCount());
      assertEquals(Outcome.CORRECT, explorer.explore().schedules().get(0).outcome());
    }

    @Test
    void changingTheCallersArrayAfterThreadDoesNotChangeTheExplorer() {
      RefOp[] ops = {RefOp.INCREF};
      InterleavingExplorer.Builder builder = InterleavingExplorer.builder().thread("T1", ops);
      ops[0] = RefOp.DECREF;
      assertEquals(2, builder.build().expectedRefcount());
    }
  }

  @Nested
  class Threads {

    @Test
    void noThreadsFailsNamingTheThreadSetting() {
      String message = failure(() -> InterleavingExplorer.builder().build());
      assertTrue(message.startsWith("thread: at least one thread is needed"), message);
    }

    @Test
    void aDuplicateNameFailsNamingTheName() {
      String message =
          failure(
              () ->
                  InterleavingExplorer.builder()
                      .thread("T1", RefOp.INCREF)
                      .thread("T1", RefOp.DECREF)
                      .build());
      assertTrue(message.contains("thread names must be unique"), message);
      assertTrue(message.contains("\"T1\""), message);
    }

    @Test
    void aBlankNameFails() {
      String message =
          failure(() -> InterleavingExplorer.builder().thread("  ", RefOp.INCREF).build());
      assertTrue(message.contains("thread name must not be blank"), message);
    }

    @Test
    void aNullNameFails() {
      String message =
          failure(() -> InterleavingExplorer.builder().thread(null, RefOp.INCREF).build());
      assertTrue(message.contains("thread name must not be null"), message);
    }

    @Test
    void aNullOpFailsNamingTheThreadAndThePosition() {
      String message =
          failure(() -> InterleavingExplorer.builder().thread("T1", RefOp.INCREF, null).build());
      assertTrue(message.contains("thread \"T1\" op #2 must not be null"), message);
    }

    @Test
    void aThreadWithoutOpsFails() {
      String message = failure(() -> InterleavingExplorer.builder().thread("T1").build());
      assertTrue(message.contains("thread \"T1\" needs at least one op"), message);
    }

    @Test
    void aNullOpsArrayFails() {
      String message =
          failure(() -> InterleavingExplorer.builder().thread("T1", (RefOp[]) null).build());
      assertTrue(message.contains("thread \"T1\" needs at least one op"), message);
    }
  }

  @Nested
  class InitialRefcount {

    @Test
    void aNegativeCountFailsNamingTheSettingAndItsRange() {
      String message =
          failure(
              () ->
                  InterleavingExplorer.builder()
                      .initialRefcount(-1)
                      .thread("T1", RefOp.INCREF)
                      .build());
      assertEquals(
          "initialRefcount must be between 1 and 1000000, was -1"
              + " (a live object holds at least one reference)",
          message);
    }

    @Test
    void zeroFailsBecauseAnObjectAtZeroIsAlreadyFreed() {
      String message =
          failure(
              () ->
                  InterleavingExplorer.builder()
                      .initialRefcount(0)
                      .thread("T1", RefOp.INCREF)
                      .build());
      assertTrue(message.startsWith("initialRefcount must be between 1 and"), message);
    }

    @Test
    void tooFewReferencesForTheDecrefsFailsAndSaysWhatIsEnough() {
      String message =
          failure(
              () ->
                  InterleavingExplorer.builder()
                      .thread("T1", RefOp.DECREF)
                      .thread("T2", RefOp.DECREF)
                      .build());
      assertEquals(
          "initialRefcount 1 is too small for 2 DECREFs and 0 INCREFs: the count would end at -1;"
              + " use initialRefcount(2) or more",
          message);
    }
  }

  @Nested
  class ExhaustiveLimit {

    @Test
    void aLimitBelowOneFailsNamingTheSetting() {
      String message =
          failure(
              () ->
                  InterleavingExplorer.builder()
                      .exhaustiveLimit(0)
                      .thread("T1", RefOp.INCREF)
                      .build());
      assertEquals("exhaustiveLimit must be at least 1, was 0", message);
    }
  }
}

package gilbook.app.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gilbook.exercises.worker.WorkerResult;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What Run tells the learner when the code did not run to its end: the window and the CLI both
 * print {@link Workbook.RunOutcome#failure()}, so no ending goes unexplained (a timed-out run once
 * showed an empty console).
 */
class RunOutcomeTests {
  private static Workbook.RunOutcome outcome(String status, String detail) {
    WorkerResult r = new WorkerResult("n", status, null, null, null, detail, List.of("summary"));
    return new Workbook.RunOutcome(Optional.of(r), false, 0, "", 0, 30);
  }

  @Test
  void aRunThatEndedHasNoFailure() {
    assertEquals(Optional.empty(), outcome("ran", "1 interpreter(s)").failure());
    assertEquals(Optional.empty(), outcome("problems", "").failure());
  }

  @Test
  void aTimeoutSaysWhatTheWatchdogSaw() {
    String detail = "your code did not finish within the time limit of 30 s (thread 'A' was in f)";
    assertEquals(Optional.of(detail), outcome("timeout", detail).failure());
  }

  @Test
  void aWorkerErrorIsNamed() {
    String failure = outcome("error", "the worker failed: boom").failure().orElseThrow();
    assertTrue(failure.contains("the worker failed: boom"), failure);
  }

  @Test
  void aJvmThatEndedEarlyAndOneThatWasKilledAreTold() {
    String early =
        new Workbook.RunOutcome(Optional.empty(), false, 3, "", 0, 30).failure().orElseThrow();
    assertTrue(early.contains("exit code 3"), early);
    String killed =
        new Workbook.RunOutcome(Optional.empty(), true, -1, "", 0, 30).failure().orElseThrow();
    assertTrue(killed.contains(WorkerProcess.hardLimitSeconds(30_000) + " s"), killed);
  }
}

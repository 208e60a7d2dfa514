package gilbook.exercises.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gilbook.runtime.GilNotHeldError;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A check's failure says what happened, and keeps the runtime's ready-made fix to itself. */
class FeedbackTests {

  @Test
  void anErrorsAppendedFixIsLeftOut() {
    String got =
        Feedback.describe(
            new IllegalStateException(
                "Bound<list> used while detached. Fix: call unbind() before allowThreads"));
    assertTrue(got.contains("Bound<list> used while detached."), got);
    assertFalse(got.contains("Fix:"), got);
    assertFalse(got.contains("unbind()"), got);
  }

  @Test
  void anErrorWithoutAFixIsDescribedWhole() {
    String whole = gilbook.exercises.harness.JShellHarness.describe(new GilNotHeldError("no GIL"));
    assertEquals(whole, Feedback.describe(new GilNotHeldError("no GIL")));
  }

  @Test
  void aReportOfSeveralLinesStaysInTheGotColumnWithTheLearnersLineOnItsFirst() {
    Submission.lineFinder(t -> Optional.of(8));
    try {
      String got =
          Feedback.raised(
              new IllegalStateException(
                  "deadlock: no thread can make progress.\n"
                      + "  A waits for the GIL (held by B)\n"
                      + "  B waits for mutex m (held by A)"));
      assertEquals(
          "IllegalStateException: deadlock: no thread can make progress. (line 8 of your file)\n"
              + "            A waits for the GIL (held by B)\n"
              + "            B waits for mutex m (held by A)",
          got);
    } finally {
      Submission.lineFinder(t -> Optional.empty());
    }
  }

  @Test
  void aOneLineErrorEndsWithTheLearnersLine() {
    Submission.lineFinder(t -> Optional.of(3));
    try {
      assertEquals(
          "GilNotHeldError: no GIL (line 3 of your file)",
          Feedback.raised(new GilNotHeldError("no GIL")));
    } finally {
      Submission.lineFinder(t -> Optional.empty());
    }
  }

  @Test
  void everyFailureHasItsThreeParts() {
    String message = Feedback.fail("a", "b", "c").getMessage();
    assertEquals("Expected: a\nGot:      b\nTry:      c", message);
  }
}

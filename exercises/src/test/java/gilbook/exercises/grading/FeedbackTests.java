package gilbook.exercises.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gilbook.runtime.GilNotHeldError;
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
  void everyFailureHasItsThreeParts() {
    String message = Feedback.fail("a", "b", "c").getMessage();
    assertEquals("Expected: a\nGot:      b\nTry:      c", message);
  }
}

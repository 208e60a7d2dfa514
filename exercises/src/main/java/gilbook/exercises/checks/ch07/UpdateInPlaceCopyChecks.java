package gilbook.exercises.checks.ch07;

import static gilbook.exercises.grading.Feedback.expect;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Grades "Update in place, Strategy 1": copy out, compute detached, write back. */
class UpdateInPlaceCopyChecks extends UpdateInPlaceChecks {

  @Test
  @Order(10)
  @DisplayName("takes the GIL the same number of times for 3 items as for 6 (one detach)")
  void detachesOnceWhateverTheLength() {
    long small = plainRun("update_in_place on 3 items", 1, 2, 3).extension().acquisitions();
    long large = plainRun("update_in_place on 6 items", NUMBERS).extension().acquisitions();
    expect(
        small == large,
        "as many GIL acquisitions for 6 items as for 3: one allowThreads around the whole"
            + " computation",
        () -> small + " acquisitions for 3 items, " + large + " for 6",
        "Strategy 1 takes the GIL back once, not per element: copy every int into a long[]"
            + " first, compute all the results inside one py.allowThreads, then write them back.");
  }
}

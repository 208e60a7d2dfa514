package gilbook.exercises.checks.ch07;

import static gilbook.exercises.grading.Feedback.expect;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Grades "Update in place, Strategy 1": copy out, compute detached, write back. */
class UpdateInPlaceCopyChecks extends UpdateInPlaceChecks {

  @Override
  String id() {
    return "update-in-place-copy";
  }

  @Override
  String strategy() {
    return Lesson.STRATEGY_1;
  }

  @Test
  @Order(10)
  @DisplayName("releases the GIL once and takes it back once, whatever the length")
  void detachesOnceWhateverTheLength() {
    SplittableRandom random = random("detaches once");
    int[] sizes = Ch07Inputs.sizes(random);
    List<Long> acquisitions = new ArrayList<>();
    for (int size : sizes) {
      Extension.Outcome out = plainRun(Ch07Inputs.ints(random, size));
      returnedNormally(out, call(size), "read the exception and the line it names", strategy());
      acquisitions.add(out.extension().acquisitions());
    }
    boolean same = acquisitions.stream().distinct().count() == 1;
    boolean released = acquisitions.stream().allMatch(a -> a > 1);
    expect(
        same && released,
        "as many GIL acquisitions for a long list as for a short one, and at least one release",
        () -> Acquisitions.describe(sizes, acquisitions) + ": " + why(sizes, acquisitions),
        Lesson.rule(
            "Strategy 1 releases the GIL once for the whole computation and takes it back once,"
                + " whatever the length of the list",
            strategy(),
            id()));
  }

  private static String why(int[] sizes, List<Long> acquisitions) {
    if (acquisitions.stream().anyMatch(a -> a <= 1)) {
      return "on "
          + (acquisitions.stream().allMatch(a -> a <= 1) ? "every list" : "some lists")
          + " it never released the GIL at all";
    }
    return String.format(
        "it took the GIL %.1f more times for each extra item, so it released it during the"
            + " computation again and again",
        Acquisitions.perElement(sizes, acquisitions));
  }
}

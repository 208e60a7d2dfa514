package gilbook.exercises.checks.ch07;

import static gilbook.exercises.grading.Feedback.expect;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Grades "Update in place, Strategy 2": detach once, and attach again for each element access.
 *
 * <p>"No copy" is judged by behaviour: another thread changes items the extension has not reached
 * yet (the next one, and one further on), at a seeded point of its work. An extension that reads
 * each item when it reaches it computes with the new values; one that read them earlier, all of
 * them or all but a few, computes with the old ones.
 */
class UpdateInPlaceReattachChecks extends UpdateInPlaceChecks {

  @Override
  String id() {
    return "update-in-place-reattach";
  }

  @Override
  String strategy() {
    return Lesson.STRATEGY_2;
  }

  @Test
  @Order(10)
  @DisplayName("reads each item when it reaches it (no copy of the list)")
  void readsEachItemWhenItReachesIt() {
    SplittableRandom random = random("reads each item when it reaches it");
    for (int size : Ch07Inputs.sizes(random)) {
      Change change = Change.draw(random, size);
      long[] numbers = change.numbers();
      Extension.Outcome out =
          Extension.on(numbers)
              .with(Change.THREAD, change::apply)
              .run(call(size) + " while items change", learner::apply);
      String situation = call(size) + ", and " + change.describe();
      returnedNormally(out, situation, "read the exception and the line it names", strategy());
      madeComputeCalls(out, situation);
      expect(
          out.callsWithGil() == 0,
          situation + ": the items are computed with the GIL released",
          () ->
              "Expensive.compute ran while the extension held the GIL, so the other"
                  + " thread could change nothing until the extension had finished",
          Lesson.rule(
              "a computation that touches no Python object does not need the GIL",
              strategy(),
              id()));
      List<Integer> stale = new ArrayList<>();
      for (int index : change.indexList()) {
        if (index < out.after().size()
            && out.after().get(index) == ListVerdict.computed(numbers[index])) {
          stale.add(index);
        }
      }
      expect(
          stale.isEmpty(),
          situation + ": each changed item is computed from the value it holds when reached",
          () ->
              ListVerdict.items(stale)
                  + (stale.size() == 1 ? " holds" : " hold")
                  + " Expensive.compute of the value from before the change, so the extension"
                  + " had read "
                  + (stale.size() == 1 ? "it" : "them")
                  + " before it got there: it worked on a copy",
          Lesson.rule(
              "Strategy 2 keeps no copy: it reads item i only when it gets to item i",
              strategy(),
              id()));
      Optional<String> wrong = ListVerdict.check(change.read(), out.after());
      expect(
          wrong.isEmpty(),
          situation
              + ": every item replaced by Expensive.compute of the value it held when reached",
          () -> wrong.orElse(""),
          Lesson.rule(
              "each item is replaced by Expensive.compute of the value it holds when the"
                  + " extension reads it",
              strategy(),
              id()));
    }
  }

  @Test
  @Order(11)
  @DisplayName("takes the GIL exactly twice per element: once to read it, once to write it")
  void attachesTwicePerElement() {
    SplittableRandom random = random("attaches twice per element");
    int[] sizes = Ch07Inputs.sizes(random);
    List<Long> acquisitions = new ArrayList<>();
    for (int size : sizes) {
      Extension.Outcome out = plainRun(Ch07Inputs.ints(random, size));
      returnedNormally(out, call(size), "read the exception and the line it names", strategy());
      acquisitions.add(out.extension().acquisitions());
    }
    boolean twoEach = true;
    for (int i = 1; i < sizes.length; i++) {
      long grew = acquisitions.get(i) - acquisitions.get(0);
      twoEach &= grew == 2L * (sizes[i] - sizes[0]);
    }
    double perElement = Acquisitions.perElement(sizes, acquisitions);
    expect(
        twoEach,
        "two more GIL acquisitions for each extra item: one to read it, one to write it back",
        () ->
            Acquisitions.describe(sizes, acquisitions)
                + (perElement == 0
                    ? ": the same whatever the length, so it did not attach for each element"
                    : String.format(": %.1f more for each extra item", perElement)),
        Lesson.rule(
            "Strategy 2 takes the GIL once per element access, which is twice per element",
            strategy(),
            id()));
  }
}

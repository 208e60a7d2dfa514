package gilbook.exercises.checks.ch07;

import static gilbook.exercises.grading.Feedback.expect;

import gilbook.exercises.contract.UpdateInPlace;
import gilbook.exercises.grading.Seed;
import gilbook.exercises.grading.Submission;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What both "update in place" exercises must do, whatever the strategy: the right values, no
 * computation under the GIL, a short hold, room for other threads, and a list that shrinks under
 * them. Each strategy's class adds what tells it apart.
 *
 * <p>Every check draws its own inputs from {@link Seed#random} under its name and runs {@link
 * Ch07Inputs#TRIALS} trials: a short, a medium and a long list of ints outside the small-int cache
 * (so a leaked result shows at shutdown), each run in its own interpreter.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class UpdateInPlaceChecks {
  final UpdateInPlace learner = Submission.get(UpdateInPlace.class);

  /** The exercise's id, for {@code ./gilbook hint}. */
  abstract String id();

  /** The heading of the lesson's section on this exercise's strategy. */
  abstract String strategy();

  static SplittableRandom random(String check) {
    return Seed.random("ch07 update-in-place: " + check);
  }

  /** "update_in_place on a list of 7 ints". */
  static String call(int size) {
    return "update_in_place on a list of " + size + " ints";
  }

  Extension.Outcome plainRun(long[] numbers) {
    return Extension.on(numbers).run(call(numbers.length), learner::apply);
  }

  /** Fails when the learner's function raised a Python exception in {@code situation}. */
  void returnedNormally(Extension.Outcome out, String situation, String rule, String section) {
    expect(
        out.raised() == null,
        situation + ": update_in_place returns normally",
        () -> "it raised " + Raised.describe(out.raised()),
        Lesson.rule(rule, section, id()));
  }

  /** Fails when the extension made no call of {@code Expensive.compute} at all. */
  void madeComputeCalls(Extension.Outcome out, String situation) {
    expect(
        out.calls() > 0,
        situation + ": each new value comes from a call of Expensive.compute",
        () ->
            "no call to Expensive.compute was made (no computing time at all, with or"
                + " without the GIL), so there was no computation to run with the GIL released",
        Lesson.rule(
            "the exercise is about running Expensive.compute, the expensive part, without the GIL",
            strategy(),
            id()));
  }

  @Test
  @Order(1)
  @DisplayName("each int is replaced in place by Expensive.compute of it; nothing leaked")
  void replacesEachIntInPlace() {
    SplittableRandom random = random("replaces");
    for (int size : Ch07Inputs.sizes(random)) {
      Extension.Outcome out = plainRun(Ch07Inputs.ints(random, size));
      String situation = call(size);
      returnedNormally(
          out,
          situation,
          "nothing else changes the list in this run: read the exception and the line it names",
          strategy());
      Optional<String> wrong = ListVerdict.check(out.before(), out.after());
      expect(
          wrong.isEmpty(),
          situation + ": every item replaced, in the same list, by Expensive.compute of its value",
          () -> wrong.orElse(""),
          Lesson.rule(
              "each item of the list is replaced by Expensive.compute of the value it holds",
              strategy(),
              id()));
      expect(
          Leaks.none(out.end()),
          situation + ": every object freed at shutdown",
          () -> Leaks.describe(out.end()),
          Lesson.rule(
              "every reference the extension owns (an object it made, a Py from unbind()) must be"
                  + " given back once it is stored or no longer needed",
              Lesson.WORKBOOK,
              id()));
    }
  }

  @Test
  @Order(2)
  @DisplayName("Expensive.compute never runs while the GIL is held")
  void neverComputesWithTheGil() {
    SplittableRandom random = random("never computes with the GIL");
    for (int size : Ch07Inputs.sizes(random)) {
      Extension.Outcome out = plainRun(Ch07Inputs.ints(random, size));
      String situation = call(size);
      returnedNormally(out, situation, "read the exception and the line it names", strategy());
      madeComputeCalls(out, situation);
      expect(
          out.callsWithGil() == 0,
          situation + ": every Expensive.compute call runs with the GIL released",
          () ->
              String.format(
                  "%d of %d calls of Expensive.compute ran while the extension held the GIL"
                      + " (%.1f ms in which no other Python thread could run)",
                  out.callsWithGil(), out.calls(), out.extension().cpuWithGil() / 1e6),
          Lesson.rule(
              "a computation that touches no Python object does not need the GIL",
              strategy(),
              id()));
      expect(
          out.calls() >= size,
          situation + ": one Expensive.compute call per item",
          () ->
              "only "
                  + (out.calls() == 1 ? "1 computation" : out.calls() + " computations")
                  + " ran for "
                  + size
                  + " items, so "
                  + (size - out.calls())
                  + " of them got their new value without Expensive.compute",
          Lesson.rule("each new value is Expensive.compute of the old one", strategy(), id()));
    }
  }

  @Test
  @Order(3)
  @DisplayName("the extension thread holds the GIL for under 10% of its run")
  void holdsTheGilBriefly() {
    SplittableRandom random = random("holds the GIL briefly");
    for (int size : Ch07Inputs.sizes(random)) {
      Extension.Outcome out = plainRun(Ch07Inputs.ints(random, size));
      String situation = call(size);
      returnedNormally(out, situation, "read the exception and the line it names", strategy());
      madeComputeCalls(out, situation);
      expect(
          out.holdFraction() < 0.10,
          situation + ": the extension holds the GIL for under 10% of its run",
          () ->
              String.format(
                  "it held the GIL for %.0f%% of its run (%.2f of %.2f ms)",
                  100 * out.holdFraction(),
                  out.extension().held() / 1e6,
                  (out.extension().ended() - out.extension().started()) / 1e6),
          Lesson.rule("hold the GIL only while the extension touches the list", strategy(), id()));
    }
  }

  @Test
  @Order(4)
  @DisplayName("another Python thread gets its work done while the extension computes")
  void anotherThreadProgresses() {
    SplittableRandom random = random("another thread progresses");
    for (int size : Ch07Inputs.sizes(random)) {
      Busy busy = Busy.draw(random);
      Extension.Outcome out =
          Extension.on(Ch07Inputs.ints(random, size))
              .with(Busy.THREAD, busy::apply)
              .run(call(size) + " beside a busy Python thread", learner::apply);
      String situation = call(size) + " beside " + busy.describe();
      returnedNormally(out, situation, "read the exception and the line it names", strategy());
      madeComputeCalls(out, situation);
      var worker = out.others().get(Busy.THREAD);
      long extensionEnd = out.extension().ended();
      expect(
          worker.ended() < extensionEnd,
          situation + ": that thread finishes before the extension does",
          () ->
              String.format(
                  "that thread finished at %.2f ms, after the extension (%.2f ms): it waited"
                      + " %.2f ms for the GIL",
                  worker.ended() / 1e6, extensionEnd / 1e6, worker.waited() / 1e6),
          Lesson.rule(
              "other Python threads can run only while the extension has released the GIL",
              strategy(),
              id()));
    }
  }

  @Test
  @Order(5)
  @DisplayName("survives another thread shrinking the list while the extension computes")
  void survivesAConcurrentShrink() {
    SplittableRandom random = random("survives a shrink");
    for (Shrink shrink : Shrink.trials(random)) {
      Extension.Outcome out =
          Extension.on(Ch07Inputs.ints(random, shrink.size()))
              .with(Shrink.THREAD, shrink::apply)
              .run(call(shrink.size()) + " while the list shrinks", learner::apply);
      String situation = call(shrink.size()) + ", and " + shrink.describe("Expensive.compute");
      returnedNormally(
          out,
          situation,
          "while the extension is detached, other threads may shorten the list: an index it"
              + " had may be gone when it holds the GIL again",
          Lesson.DETACHED);
      List<Long> stayed = out.before().subList(0, shrink.remaining());
      Optional<String> wrong = ListVerdict.check(stayed, out.after());
      expect(
          wrong.isEmpty(),
          situation + ": each of the " + shrink.remaining() + " items left is updated",
          () -> wrong.orElse(""),
          Lesson.rule(
              "every item still in the list when the extension writes back is updated, and"
                  + " nothing is written where an item is gone",
              Lesson.DETACHED,
              id()));
      expect(
          Leaks.none(out.end()),
          situation + ": every object freed at shutdown",
          () -> Leaks.describe(out.end()),
          Lesson.rule(
              "a reference the extension owns must be given back on every path, also when it"
                  + " skips an index that is gone",
              Lesson.WORKBOOK,
              id()));
    }
  }
}

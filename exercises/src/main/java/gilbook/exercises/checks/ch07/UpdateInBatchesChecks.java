package gilbook.exercises.checks.ch07;

import static gilbook.exercises.grading.Feedback.expect;

import gilbook.exercises.contract.UpdateInBatches;
import gilbook.exercises.grading.Seed;
import gilbook.exercises.grading.Submission;
import gilbook.runtime.GilWaits;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Grades "Update in place, in batches": re-attach once per batch of K items, with K large enough
 * that the call is not slowed down by a switch interval per element, and small enough that another
 * Python thread's 99th-percentile wait for the GIL stays at or under the target.
 *
 * <p>Every check draws a tight and a loose {@link BatchPlan} from {@link Seed#random} under its
 * name. The other thread's waits are taken one by one from the trace ({@link GilWaits}): from each
 * take request to the take that answers it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UpdateInBatchesChecks {
  static final String ID = "update-in-place-batched";

  private final UpdateInBatches learner = Submission.get(UpdateInBatches.class);

  private static SplittableRandom random(String check) {
    return Seed.random("ch07 update-in-place-batched: " + check);
  }

  /** The run: the plan's list, its server beside the extension, and a record of every wait. */
  private record Run(BatchPlan plan, Extension.Outcome out, GilWaits waits) {
    String situation() {
      return "update_in_place_batched on " + plan.describe();
    }
  }

  private Run run(SplittableRandom random, BatchPlan plan) {
    GilWaits waits = new GilWaits();
    Extension.Outcome out =
        Extension.on(Ch07Inputs.ints(random, plan.size()))
            .with(Server.THREAD, plan.server()::apply)
            .listening(waits)
            .run(
                "update_in_place_batched beside a busy Python thread",
                (py, list) -> learner.apply(py, list, plan.batching()));
    return new Run(plan, out, waits);
  }

  private static void returnedNormally(Extension.Outcome out, String situation, String rule) {
    expect(
        out.raised() == null,
        situation + ": update_in_place_batched returns normally",
        () -> "it raised " + Raised.describe(out.raised()),
        Lesson.rule(rule, Lesson.BATCHING, ID));
  }

  private static void computedEveryItem(Run r) {
    expect(
        r.out().calls() >= r.plan().size(),
        r.situation() + ": one call of batching.compute per item",
        () ->
            String.format(
                "%,d computations ran for %,d items, so %,d items got their new value without"
                    + " batching.compute",
                r.out().calls(), r.plan().size(), r.plan().size() - r.out().calls()),
        Lesson.rule(
            "each new value is batching.compute of the old one, computed detached",
            Lesson.BATCHING,
            ID));
  }

  @Test
  @Order(1)
  @DisplayName("each int is replaced in place by batching.compute of it; nothing leaked")
  void replacesEachIntInPlace() {
    SplittableRandom random = random("replaces");
    for (BatchPlan plan : BatchPlan.trials(random)) {
      Run r = run(random, plan);
      returnedNormally(
          r.out(),
          r.situation(),
          "nothing shortens the list in this run: read the exception and the line it names");
      Optional<String> wrong = ListVerdict.check(r.out().before(), r.out().after());
      expect(
          wrong.isEmpty(),
          r.situation() + ": every item replaced, in the same list, by batching.compute of it",
          () -> wrong.orElse("").replace("Expensive.compute", "batching.compute"),
          Lesson.rule(
              "each item of the list is replaced by batching.compute of the value it holds",
              Lesson.BATCHING,
              ID));
      expect(
          Leaks.none(r.out().end()),
          r.situation() + ": every object freed at shutdown",
          () -> Leaks.describe(r.out().end()),
          Lesson.rule(
              "every reference the extension owns (an int it made, the Py from unbind()) must be"
                  + " given back once it is stored or no longer needed",
              Lesson.WORKBOOK,
              ID));
    }
  }

  @Test
  @Order(2)
  @DisplayName("batching.compute never runs while the GIL is held")
  void neverComputesWithTheGil() {
    SplittableRandom random = random("never computes with the GIL");
    for (BatchPlan plan : BatchPlan.trials(random)) {
      Run r = run(random, plan);
      returnedNormally(r.out(), r.situation(), "read the exception and the line it names");
      computedEveryItem(r);
      expect(
          r.out().callsWithGil() == 0,
          r.situation() + ": every batching.compute call runs with the GIL released",
          () ->
              String.format(
                  "%,d of %,d calls of batching.compute ran while the extension held the GIL"
                      + " (%.1f ms in which the other thread could not run)",
                  r.out().callsWithGil(), r.out().calls(), r.out().extension().cpuWithGil() / 1e6),
          Lesson.rule(
              "a computation that touches no Python object does not need the GIL: compute each"
                  + " batch detached",
              Lesson.BATCHING,
              ID));
    }
  }

  @Test
  @Order(3)
  @DisplayName("the other thread's 99th-percentile wait for the GIL is at or under the target")
  void holdsTheOtherThreadsTarget() {
    SplittableRandom random = random("holds the target");
    for (BatchPlan plan : BatchPlan.trials(random)) {
      Run r = run(random, plan);
      returnedNormally(r.out(), r.situation(), "read the exception and the line it names");
      computedEveryItem(r);
      long p99 = r.waits().percentile(Server.THREAD, 99);
      long[] waits = r.waits().of(Server.THREAD);
      expect(
          p99 <= plan.targetNanos(),
          String.format(
              "%s: the other thread waits %d µs or less for the GIL, at the 99th percentile",
              r.situation(), plan.targetNanos() / 1_000),
          () ->
              String.format(
                  "its 99th-percentile wait was %s, over %d waits; the extension took the"
                      + " GIL %s, and its longest hold was %s (as long as %,d list accesses):"
                      + " %s",
                  span(p99),
                  waits.length,
                  times(r.out().extension().acquisitions()),
                  span(r.out().extension().longestHold()),
                  r.out().extension().longestHold() / BatchPlan.ACCESS_NANOS,
                  holdsAdvice(r)),
          Lesson.rule(
              "a thread that wants the GIL waits as long as the extension holds it: keep each"
                  + " batch small enough for the target, whatever the item cost",
              Lesson.BATCHING,
              ID));
    }
  }

  private static String holdsAdvice(Run r) {
    if (r.out().callsWithGil() > 0) {
      return "batching.compute ran with the GIL held, so the other thread waited through it";
    }
    if (r.out().extension().acquisitions() <= 2) {
      return "it read or wrote the whole list in one hold";
    }
    if (r.waits().percentile(Server.THREAD, 99) > r.out().extension().longestHold()) {
      return "the other thread waited longer than any one hold, so it waited through two holds"
          + " back to back: after the extension dropped the GIL it took it straight back before"
          + " the other thread could";
    }
    return "each wait of the other thread lasts as long as the extension's hold that caused it";
  }

  @Test
  @Order(4)
  @DisplayName("the call takes at most twice its computation time beside the busy thread")
  void finishesWithinTheBound() {
    SplittableRandom random = random("finishes within the bound");
    for (BatchPlan plan : BatchPlan.trials(random)) {
      Run r = run(random, plan);
      returnedNormally(r.out(), r.situation(), "read the exception and the line it names");
      computedEveryItem(r);
      var ext = r.out().extension();
      long took = ext.ended() - ext.started();
      expect(
          took <= plan.boundNanos(),
          String.format(
              "%s: the call returns within %.1f ms, twice its %.1f ms of computation",
              r.situation(), plan.boundNanos() / 1e6, plan.computeNanos() / 1e6),
          () ->
              String.format(
                  "it took %.1f ms: it took the GIL %s and waited %.1f ms for it in all, while"
                      + " the other thread kept it busy",
                  took / 1e6, times(ext.acquisitions()), ext.waited() / 1e6),
          Lesson.rule(
              "next to a busy thread every re-attachment waits about a switch interval: make"
                  + " the batches as large as the target allows",
              Lesson.BATCHING,
              ID));
    }
  }

  @Test
  @Order(5)
  @DisplayName("survives another thread shrinking the list between two batches")
  void survivesAConcurrentShrink() {
    SplittableRandom random = random("survives a shrink");
    for (BatchShrink shrink : BatchShrink.trials(random)) {
      BatchPlan plan = shrink.plan();
      Extension.Outcome out =
          Extension.on(Ch07Inputs.ints(random, plan.size()))
              .with(BatchShrink.THREAD, shrink::apply)
              .run(
                  "update_in_place_batched while the list shrinks",
                  (py, list) -> learner.apply(py, list, plan.batching()));
      String situation =
          "update_in_place_batched on " + plan.describe() + ", and " + shrink.describe();
      returnedNormally(
          out,
          situation,
          "while the extension is detached, other threads may shorten the list: check its length"
              + " each time you attach, before you read a batch and before you write one back");
      List<Long> stayed = out.before().subList(0, shrink.remaining());
      Optional<String> wrong = ListVerdict.check(stayed, out.after());
      expect(
          wrong.isEmpty(),
          String.format("%s: each of the %,d items left is updated", situation, shrink.remaining()),
          () -> wrong.orElse("").replace("Expensive.compute", "batching.compute"),
          Lesson.rule(
              "every item still in the list when its batch is written back is updated, and"
                  + " nothing is written where an item is gone",
              Lesson.DETACHED,
              ID));
      expect(
          Leaks.none(out.end()),
          situation + ": every object freed at shutdown",
          () -> Leaks.describe(out.end()),
          Lesson.rule(
              "a reference the extension owns must be given back on every path, also when it"
                  + " stops early because the list is shorter",
              Lesson.WORKBOOK,
              ID));
    }
  }

  /** "38.1 µs", or "159.3 ms" from a millisecond on. */
  static String span(long nanos) {
    return nanos < 1_000_000
        ? String.format("%.1f µs", nanos / 1e3)
        : String.format("%.1f ms", nanos / 1e6);
  }

  /** "once", "2 times", "1,024 times". */
  static String times(long n) {
    return n == 1 ? "once" : String.format("%,d times", n);
  }
}

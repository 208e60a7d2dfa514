package gilbook.exercises.checks.ch03;

import static gilbook.exercises.grading.Feedback.expect;

import gilbook.exercises.contract.TakeAndDrop;
import gilbook.exercises.grading.Seed;
import gilbook.exercises.grading.Submission;
import gilbook.runtime.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Grades "Take and drop": the learner's own {@code takeGil} / {@code dropGil}, run as the GIL of
 * interpreters with seeded workloads ({@link GilPlan}), judged from each run's trace ({@link
 * GilRun}): mutual exclusion, drop requests neither early nor missing, forced switching, the switch
 * count, and the cadence of two CPU-bound threads.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TakeAndDropChecks {
  static final String ID = "take-and-drop";
  private static final int TRIALS = 3;

  private final TakeAndDrop learner = Submission.get(TakeAndDrop.class);

  private static SplittableRandom random(String check) {
    return Seed.random("ch03 take-and-drop: " + check);
  }

  /** Runs of mixed plans; {@code change} as in {@link GilPlan#mixed}, in every other trial. */
  private List<GilRun> mixedRuns(String check, int change) {
    SplittableRandom random = random(check);
    List<GilRun> runs = new ArrayList<>();
    for (int i = 0; i < TRIALS; i++) {
      GilRun run = GilPlan.mixed(random, true, i % 2 == 0 ? change : 0).run(learner::newGil);
      finished(run);
      runs.add(run);
    }
    return runs;
  }

  private static void finished(GilRun run) {
    expect(
        run.failure().isEmpty(),
        run.plan().describe() + ": every thread runs to its end",
        () -> run.failure().orElse(""),
        Lesson.rule(
            "a waiter waits on the condition, with the mutex held, until the GIL is free, and"
                + " a drop wakes one",
            Lesson.TAKE_GIL,
            ID));
  }

  private static void obeys(GilRun run, Optional<String> broken, String rule, String section) {
    expect(
        broken.isEmpty(),
        run.plan().describe() + ": " + rule,
        () -> broken.orElse(""),
        Lesson.see(section, ID));
  }

  @Test
  @Order(1)
  @DisplayName("only one thread holds the GIL at a time")
  void mutualExclusion() {
    for (GilRun run : mixedRuns("mutual exclusion", 0)) {
      obeys(
          run,
          run.firstExclusionViolation(),
          "a thread takes the GIL only once it is free, checked again each time it wakes up",
          Lesson.TAKE_GIL);
    }
  }

  @Test
  @Order(2)
  @DisplayName("a waiter sets the drop request only after a whole interval without a switch")
  void noEarlyDropRequest() {
    for (GilRun run : mixedRuns("no early drop request", 1)) {
      obeys(run, run.firstExclusionViolation(), "only one thread holds the GIL", Lesson.TAKE_GIL);
      obeys(
          run,
          run.firstEarlyRequest(),
          "a waiter asks for a drop only when its wait of one switch interval timed out, the GIL"
              + " is still locked and the switch number has not moved",
          Lesson.DROP_REQUEST);
    }
  }

  @Test
  @Order(3)
  @DisplayName(
      "a waiter that waited a whole interval gets the GIL at the holder's next check point")
  void theHolderHonoursTheRequest() {
    for (GilRun run : mixedRuns("the holder honours it", -1)) {
      obeys(run, run.firstExclusionViolation(), "only one thread holds the GIL", Lesson.TAKE_GIL);
      obeys(
          run,
          run.firstIdleGil(),
          "dropping the GIL wakes a thread that waits for it, which takes it at once",
          Lesson.DROP_GIL);
      obeys(
          run,
          run.firstIgnoredWaiter(),
          "a waiter that timed out with no switch sets the drop request on the eval breaker, and"
              + " it stays set until the GIL changes hands, so the holder drops the GIL at its"
              + " next check point",
          Lesson.DROP_REQUEST);
    }
  }

  @Test
  @Order(4)
  @DisplayName("with forced switching, the dropper never takes the GIL back before another thread")
  void forcedSwitching() {
    for (GilRun run : mixedRuns("forced switching", 0)) {
      obeys(run, run.firstExclusionViolation(), "only one thread holds the GIL", Lesson.TAKE_GIL);
      expect(
          run.dropRequests() > 0,
          run.plan().describe() + ": waiters ask for the GIL with drop requests",
          () -> "the trace shows no drop request at all",
          Lesson.rule(
              "a waiter whose timed wait ran out sets the drop request on the eval breaker",
              Lesson.DROP_REQUEST,
              ID));
      obeys(
          run,
          run.firstRetake(),
          "after dropping the GIL on request, with forced switching on, the dropper waits until"
              + " another thread has taken it",
          Lesson.FORCED);
    }
  }

  @Test
  @Order(5)
  @DisplayName("switchNumber, lastHolder and locked tell the truth about the GIL")
  void countsSwitches() {
    for (GilRun run : mixedRuns("counts switches", 0)) {
      obeys(
          run,
          run.wrongFinalState(),
          "switchNumber counts each time the GIL passes to a different thread (not a re-take by"
              + " the same one), lastHolder names the last thread to take it, and locked is true"
              + " only while a thread holds it",
          Lesson.TAKE_GIL);
    }
  }

  @Test
  @Order(6)
  @DisplayName("two CPU-bound threads each run about one switch interval (within 20%)")
  void meanRunIsAboutOneInterval() {
    SplittableRandom random = random("mean run");
    for (int i = 0; i < TRIALS; i++) {
      GilPlan plan = GilPlan.twoCpuThreads(random);
      GilRun run = plan.run(learner::newGil);
      finished(run);
      obeys(run, run.firstExclusionViolation(), "only one thread holds the GIL", Lesson.TAKE_GIL);
      List<Trace.Hold> inner = run.innerHolds();
      double mean = inner.stream().mapToLong(Trace.Hold::length).average().orElse(Double.NaN);
      long interval = plan.interval();
      expect(
          inner.size() >= 4 && Math.abs(mean - interval) <= 0.2 * interval,
          String.format(
              "%s: the threads take turns, each run lasting %s on average, give or take 20%%",
              plan.describe(), Lesson.span(interval)),
          () ->
              inner.size() < 4
                  ? String.format(
                      "the GIL changed hands only %d times in all (%d runs)",
                      Math.max(0, run.holds().size() - 1), run.holds().size())
                  : String.format(
                      "the mean run was %s over %d runs", Lesson.span((long) mean), inner.size()),
          Lesson.rule(
              "a waiter asks for the GIL after one interval, and the holder lets go at its next"
                  + " check point; then the other thread gets its turn",
              Lesson.DROP_REQUEST,
              ID));
    }
  }
}

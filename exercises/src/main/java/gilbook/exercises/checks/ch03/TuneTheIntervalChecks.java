package gilbook.exercises.checks.ch03;

import static gilbook.exercises.grading.Feedback.expect;

import gilbook.exercises.contract.IntervalWorkload;
import gilbook.exercises.contract.TuneTheInterval;
import gilbook.exercises.grading.Feedback;
import gilbook.exercises.grading.Seed;
import gilbook.exercises.grading.Submission;
import gilbook.runtime.Interpreter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Grades "Tune the interval": the learner's predictions of switches per second and of the convoy
 * wait, each within 20% of the simulation ({@link IntervalLab}) at seeded workloads and intervals
 * ({@link IntervalPlan}), and the interval they pick for a seeded latency target. Predictions come
 * from the model: a prediction that builds an interpreter fails.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TuneTheIntervalChecks {
  static final String ID = "tune-the-interval";
  private static final double TOLERANCE = 0.20;

  private final TuneTheInterval learner = Submission.get(TuneTheInterval.class);

  private static SplittableRandom random(String check) {
    return Seed.random("ch03 tune-the-interval: " + check);
  }

  /**
   * Calls the learner's code, failing the check if it built an interpreter (ran the simulation) or
   * raised.
   */
  static <T> T fromTheModel(String call, Supplier<T> body) {
    AtomicInteger built = new AtomicInteger();
    List<T> result = new ArrayList<>(1);
    Throwable[] raised = new Throwable[1];
    Interpreter.observeBuilds(
        i -> built.incrementAndGet(),
        () -> {
          try {
            result.add(body.get());
          } catch (RuntimeException e) {
            raised[0] = e;
          }
        });
    expect(
        built.get() == 0,
        call + " predicts from the model, without running the simulation",
        () -> String.format("it built %d interpreter%s", built.get(), built.get() == 1 ? "" : "s"),
        Lesson.rule(
            "work the figure out from how take_gil and the eval breaker behave",
            Lesson.CHOOSING,
            ID));
    expect(
        raised[0] == null,
        call + " returns a prediction",
        () -> "it raised " + Feedback.raised(raised[0]),
        "read the exception and the line it names.");
    return result.get(0);
  }

  private static String off(double predicted, double actual) {
    return predicted > actual ? "more than 20% above" : "more than 20% below";
  }

  private static boolean within(double predicted, double actual) {
    return Double.isFinite(predicted) && Math.abs(predicted - actual) <= TOLERANCE * actual;
  }

  @Test
  @Order(1)
  @DisplayName("switches per second with two CPU-bound threads, within 20% at each interval")
  void predictsSwitchesPerSecond() {
    SplittableRandom random = random("switches per second");
    for (int trial = 0; trial < 2; trial++) {
      IntervalPlan plan = IntervalPlan.predictions(random);
      IntervalWorkload w = plan.workload();
      for (Duration interval : plan.intervals()) {
        String call =
            String.format(
                "switchesPerSecond(%s) with %s",
                Lesson.span(interval.toNanos()), IntervalPlan.describe(w));
        double predicted = fromTheModel(call, () -> learner.switchesPerSecond(interval, w));
        double actual = IntervalLab.switchesPerSecond(interval.toNanos(), w);
        expect(
            within(predicted, actual),
            call + ": within 20% of the simulation",
            () ->
                String.format(
                    "you predicted %.1f switches per second, %s what two CPU-bound threads do",
                    predicted, off(predicted, actual)),
            Lesson.rule(
                "a run lasts from the take until the holder sees the drop request, and it only"
                    + " looks at its check points",
                Lesson.CHOOSING,
                ID));
      }
    }
  }

  @Test
  @Order(2)
  @DisplayName("the I/O thread's wait for the GIL beside a CPU-bound thread, within 20%")
  void predictsTheConvoyWait() {
    SplittableRandom random = random("convoy wait");
    for (int trial = 0; trial < 2; trial++) {
      IntervalPlan plan = IntervalPlan.predictions(random);
      IntervalWorkload w = plan.workload();
      for (Duration interval : plan.intervals()) {
        String call =
            String.format(
                "convoyWait(%s) with %s",
                Lesson.span(interval.toNanos()), IntervalPlan.describe(w));
        Duration predicted = fromTheModel(call, () -> learner.convoyWait(interval, w));
        expect(
            predicted != null,
            call + " returns a Duration",
            () -> "it returned null",
            "return how long the I/O thread waits, as a Duration.");
        long actual = IntervalLab.convoyWait(interval.toNanos(), w);
        expect(
            within(predicted.toNanos(), actual),
            call + ": within 20% of the simulation",
            () ->
                String.format(
                    "you predicted %s, %s how long the I/O thread waits",
                    Lesson.span(predicted.toNanos()), off(predicted.toNanos(), actual)),
            Lesson.rule(
                "the I/O thread waits one interval before it asks, and the CPU thread lets go at"
                    + " its next check point after that; its check points count from when it got"
                    + " the GIL",
                Lesson.CHOOSING,
                ID));
      }
    }
  }

  @Test
  @Order(3)
  @DisplayName("the pick meets the latency target at the least switching cost")
  void picksTheCheapestIntervalThatMeetsTheTarget() {
    SplittableRandom random = random("pick");
    for (int trial = 0; trial < 3; trial++) {
      IntervalPlan.Choice choice = IntervalPlan.choice(random);
      IntervalWorkload w = choice.workload();
      String call = "pick(" + choice.describe() + ")";
      Duration picked =
          fromTheModel(call, () -> learner.pick(choice.candidates(), choice.target(), w));
      expect(
          picked != null && choice.candidates().contains(picked),
          call + " returns one of the candidates",
          () -> picked == null ? "it returned null" : "it returned " + picked,
          "return one of the intervals in candidates.");
      long target = choice.target().toNanos();
      long wait = IntervalLab.convoyWait(picked.toNanos(), w);
      expect(
          wait <= target,
          call + ": the I/O thread's wait at your pick is within the target",
          () ->
              String.format(
                  "at %s the I/O thread waits longer than the target",
                  Lesson.span(picked.toNanos())),
          Lesson.rule(
              "a longer interval makes the I/O thread wait longer: keep only the candidates whose"
                  + " wait meets the target",
              Lesson.CHOOSING,
              ID));
      double rate = IntervalLab.switchesPerSecond(picked.toNanos(), w);
      for (Duration other : choice.candidates()) {
        if (other.compareTo(picked) <= 0) {
          continue;
        }
        if (IntervalLab.convoyWait(other.toNanos(), w) <= target) {
          double otherRate = IntervalLab.switchesPerSecond(other.toNanos(), w);
          expect(
              otherRate >= rate,
              call + ": the least switching among the candidates that meet the target",
              () ->
                  String.format(
                      "you picked %s, but a longer candidate also meets the target, and two"
                          + " CPU-bound threads switch less often at it",
                      Lesson.span(picked.toNanos())),
              Lesson.rule(
                  "every switch costs the CPU-bound threads a hand-over: of the intervals that"
                      + " meet the target, take the one with the fewest switches",
                  Lesson.CHOOSING,
                  ID));
        }
      }
    }
  }
}

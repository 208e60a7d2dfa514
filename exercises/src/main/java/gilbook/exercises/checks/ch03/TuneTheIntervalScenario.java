package gilbook.exercises.checks.ch03;

import gilbook.exercises.contract.IntervalWorkload;
import gilbook.exercises.contract.TuneTheInterval;
import gilbook.exercises.grading.ExerciseScenario;
import gilbook.exercises.grading.Feedback;
import gilbook.exercises.grading.Seed;
import gilbook.exercises.grading.Submission;
import gilbook.runtime.Clock;
import gilbook.runtime.GilWaits;
import gilbook.runtime.Interpreter;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.SplittableRandom;

/**
 * What Run shows for "Tune the interval": the learner's predictions for one seeded workload and
 * interval, then that interval's convoy run (an I/O thread beside a CPU-bound thread) in one
 * interpreter, with the I/O thread's waits. Nothing is graded; the checks use other intervals. Not
 * thread-safe.
 */
public final class TuneTheIntervalScenario implements ExerciseScenario {
  private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

  public TuneTheIntervalScenario() {}

  @Override
  public void run(PrintStream out) {
    SplittableRandom random = Seed.random("ch03 tune-the-interval: run");
    IntervalPlan plan = IntervalPlan.predictions(random);
    IntervalWorkload w = plan.workload();
    Duration interval = plan.intervals().get(1);
    out.printf(
        "Workload: %s; switch interval %s.%n",
        IntervalPlan.describe(w), Lesson.span(interval.toNanos()));
    try {
      TuneTheInterval learner = Submission.get(TuneTheInterval.class);
      double rate =
          TuneTheIntervalChecks.fromTheModel(
              "switchesPerSecond", () -> learner.switchesPerSecond(interval, w));
      Duration wait =
          TuneTheIntervalChecks.fromTheModel("convoyWait", () -> learner.convoyWait(interval, w));
      out.printf("You predict %.1f switches per second with two CPU-bound threads,%n", rate);
      out.printf(
          "and a wait of %s for the I/O thread after each call.%n",
          wait == null ? "null" : Lesson.span(wait.toNanos()));
    } catch (RuntimeException | AssertionError e) {
      out.println("Your predictions stopped: " + Feedback.describe(e));
    }
    GilWaits waits = new GilWaits();
    try (Interpreter interp =
        Interpreter.builder()
            .clock(Clock.virtual(1))
            .switchInterval(interval)
            .stderr(QUIET)
            .timeLimit(Duration.ofSeconds(60))
            .build()) {
      interp.addListener(waits);
      IntervalLab.convoy(interp, interval.toNanos(), w);
      interp.awaitThreads();
    }
    long[] all = waits.of(IntervalLab.IO_THREAD);
    out.printf(
        "The simulation: thread %s waited for the GIL %d times after an I/O call, median %s.%n",
        IntervalLab.IO_THREAD, Math.max(0, all.length - 1), Lesson.span(IntervalLab.median(all)));
  }
}

package gilbook.exercises.checks.ch03;

import gilbook.exercises.contract.TakeAndDrop;
import gilbook.exercises.grading.ExerciseScenario;
import gilbook.exercises.grading.Seed;
import gilbook.exercises.grading.Submission;
import gilbook.runtime.Trace;
import java.io.PrintStream;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What Run shows for "Take and drop": one interpreter with the learner's GIL and a mixed seeded
 * workload (CPU-bound and I/O threads, forced switching on), then what the trace says about the
 * rules the checks grade. Nothing is graded. Not thread-safe.
 */
public final class TakeAndDropScenario implements ExerciseScenario {
  public TakeAndDropScenario() {}

  @Override
  public void run(PrintStream out) {
    SplittableRandom random = Seed.random("ch03 take-and-drop: run");
    GilPlan plan = GilPlan.mixed(random, true, 0);
    out.println("Your GIL runs " + plan.describe() + ".");
    TakeAndDrop learner = Submission.get(TakeAndDrop.class);
    GilRun run = plan.run(learner::newGil);
    run.failure().ifPresent(f -> out.println("The run stopped: " + f));
    List<Trace.Hold> holds = run.holds();
    out.printf(
        "The GIL was taken and dropped %d times; %d drop requests.%n",
        holds.size(), run.dropRequests());
    List<Trace.Hold> inner = run.innerHolds();
    if (!inner.isEmpty()) {
      long longest = inner.stream().mapToLong(Trace.Hold::length).max().orElse(0);
      out.printf(
          "Longest hold: %s (interval %s).%n", Lesson.span(longest), Lesson.span(plan.interval()));
    }
    report(out, "Two threads holding the GIL at once", run.firstExclusionViolation().orElse(null));
    report(out, "A drop request too early", run.firstEarlyRequest().orElse(null));
    report(out, "A free GIL left untaken", run.firstIdleGil().orElse(null));
    report(out, "A waiter left waiting", run.firstIgnoredWaiter().orElse(null));
    report(out, "A dropper that took the GIL straight back", run.firstRetake().orElse(null));
    report(out, "switchNumber / lastHolder / locked", run.wrongFinalState().orElse(null));
  }

  private static void report(PrintStream out, String what, String first) {
    out.println(what + ": " + (first == null ? "none seen." : first));
  }
}

package gilbook.exercises.checks.ch08;

import gilbook.exercises.contract.EmbedWithWorkers;
import gilbook.exercises.grading.ExerciseScenario;
import gilbook.exercises.grading.Seed;
import gilbook.exercises.grading.Submission;
import gilbook.runtime.ShutdownReport;
import gilbook.runtime.ThreadStats;
import java.io.PrintStream;
import java.util.Locale;

/**
 * What Run shows for "Embed with workers": the learner's {@code main} run once, on one plan of the
 * kind the checks use, and what happened: each thread's GIL use, what each appended, any exception
 * or deadlock, and the shutdown. Judges nothing. One interpreter, one run.
 */
public final class EmbedWithWorkersScenario implements ExerciseScenario {
  public EmbedWithWorkersScenario() {}

  @Override
  public void run(PrintStream out) {
    EmbedPlan plan = EmbedPlan.trials(Seed.random("run"), 1).get(0);
    out.println("main(host, " + plan.workers() + ", " + plan.items() + ", results)");
    out.println("  " + plan.describe() + "; worker threads start after a short delay each");
    EmbedHost.Outcome run = EmbedHost.run(Submission.get(EmbedWithWorkers.class), plan);
    out.println();
    out.println("The GIL, thread by thread (Main's includes the host's own set-up and read-back):");
    for (ThreadStats s : run.stats().values()) {
      out.println(
          String.format(
              Locale.ROOT,
              "  %-9s took it %3d times, held it %s (longest %s), waited %s, .NET work under it %s",
              s.name(),
              s.acquisitions(),
              time(s.held()),
              time(s.longestHold()),
              time(s.waited()),
              time(s.cpuWithGil())));
    }
    out.println();
    out.println("Who appended what:");
    WhoAppended.summary(run).forEach(line -> out.println("  " + line));
    if (run.appended().isEmpty()) {
      out.println("  nothing reached the list");
    }
    if (run.finalValues() != null) {
      out.println("  the list when main returned: " + run.finalValues().size() + " ints");
    }
    EmbedFeedback.raised(run.exceptions()).forEach(line -> out.println("\n" + line));
    if (run.stall() != null) {
      out.println();
      out.println(
          run.stall().timeLimit()
              ? "The run was stopped at the time limit. Where each thread was:"
              : "Deadlock: no thread could move again. Where each thread was:");
      run.stall().lines().forEach(line -> out.println("  " + line));
    } else {
      out.println();
      out.println(
          "main returned; the engine was "
              + (run.engineStopped() ? "shut down" : "still running")
              + ".");
    }
    ShutdownReport end = run.end();
    if (run.finished() && end.rootLeaks().isEmpty()) {
      out.println("Nothing leaked.");
    }
    if (run.finished() && !end.rootLeaks().isEmpty()) {
      out.println();
      out.println("Still alive at the end:");
      end.rootLeaks().stream().limit(6).forEach(l -> out.println("  " + l));
      if (end.rootLeaks().size() > 6) {
        out.println("  and " + (end.rootLeaks().size() - 6) + " more");
      }
    }
  }

  /** A duration for people: microseconds below a millisecond, else milliseconds. */
  private static String time(long nanos) {
    return nanos < 1_000_000
        ? String.format(Locale.ROOT, "%.1f µs", nanos / 1e3)
        : String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
  }
}

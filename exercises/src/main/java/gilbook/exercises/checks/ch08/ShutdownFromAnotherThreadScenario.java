package gilbook.exercises.checks.ch08;

import gilbook.exercises.contract.ShutdownFromAnotherThread;
import gilbook.exercises.grading.ExerciseScenario;
import gilbook.exercises.grading.Seed;
import gilbook.exercises.grading.Submission;
import gilbook.runtime.ShutdownReport;
import gilbook.runtime.ThreadStats;
import java.io.PrintStream;
import java.util.Locale;

/**
 * What Run shows for "Shut down from another thread": the learner's {@code main} run once, on one
 * plan of the kind the checks use, and what happened: each thread's GIL use, how Main took the GIL
 * back, who appended what, any exception or deadlock, and what the exit handler found and left.
 * Judges nothing. One interpreter, one run.
 */
public final class ShutdownFromAnotherThreadScenario implements ExerciseScenario {
  public ShutdownFromAnotherThreadScenario() {}

  @Override
  public void run(PrintStream out) {
    ShutdownPlan plan = ShutdownPlan.trials(Seed.random("run"), 1).get(0);
    EmbedPlan embed = plan.embed();
    out.println("main(host, " + embed.workers() + ", " + embed.items() + ", results)");
    out.println("  " + plan.describe());
    EmbedHost.Outcome run =
        EmbedHost.run(Submission.get(ShutdownFromAnotherThread.class), embed, plan.exitDelay());
    out.println();
    out.println("The GIL, thread by thread (Main's includes the host's own set-up and read-back):");
    for (ThreadStats s : run.stats().values()) {
      out.println(
          String.format(
              Locale.ROOT,
              "  %-11s took it %3d times, held it %s (longest %s), waited %s",
              s.name(),
              s.acquisitions(),
              time(s.held()),
              time(s.longestHold()),
              time(s.waited())));
    }
    out.println();
    if (!run.mainReleased()) {
      out.println("Main never released the GIL after PythonEngine.Initialize().");
    } else if (run.mainTookBackWith().isEmpty()) {
      out.println("Main released the GIL after PythonEngine.Initialize() and never took it again.");
    } else {
      out.println(
          "Main released the GIL after PythonEngine.Initialize(), then took it again with "
              + String.join(" and ", run.mainTookBackWith())
              + ".");
    }
    String heldBy = run.shutdownFoundHolder().get(EmbedHost.EXIT_HANDLER);
    if (heldBy != null) {
      out.println(
          "When ExitHandler's PythonEngine.Shutdown() asked for the GIL, "
              + (heldBy.isEmpty() ? "nobody held it." : heldBy + " held it."));
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
    out.println();
    if (run.stall() != null) {
      out.println(
          run.stall().timeLimit()
              ? "The run was stopped at the time limit. Where each thread was:"
              : "Deadlock: no thread could move again. Where each thread was:");
      run.stall().lines().forEach(line -> out.println("  " + line));
      return;
    }
    EmbedHost.ExitRun exit = run.exit();
    if (exit == null) {
      out.println("main returned without calling host.exit().");
    } else {
      out.println(
          "host.exit() ran "
              + exit.handlers()
              + " exit handler(s) on ExitHandler: the engine was "
              + (exit.runningBefore() ? "running" : "not running")
              + " when they started and "
              + (exit.runningAfter() ? "still running" : "stopped")
              + " when they were done.");
    }
    out.println(
        "main returned; the engine was "
            + (run.engineStopped() ? "shut down" : "still running")
            + ".");
    ShutdownReport end = run.end();
    if (end.rootLeaks().isEmpty()) {
      out.println("Nothing leaked.");
    } else {
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

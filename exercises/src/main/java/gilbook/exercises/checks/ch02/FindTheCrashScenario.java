package gilbook.exercises.checks.ch02;

import gilbook.exercises.contract.FindTheCrash;
import gilbook.exercises.grading.ExerciseScenario;
import gilbook.exercises.grading.Feedback;
import gilbook.exercises.grading.Seed;
import gilbook.exercises.grading.Submission;
import gilbook.runtime.Clock;
import gilbook.runtime.Interpreter;
import gilbook.runtime.explorer.InterleavingExplorer;
import gilbook.runtime.explorer.Replay;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;

/**
 * What Run shows for "Find the crash": one seeded setup, what the exhaustive exploration found
 * (schedules explored, bad ones), and the learner's order replayed step by step. The explorer needs
 * no interpreter; the learner's code runs inside one, as for every exercise, so Run has its one
 * interpreter to show (a single thread, no GIL switches: the race is in the explorer's model).
 * Judges nothing.
 */
public final class FindTheCrashScenario implements ExerciseScenario {
  public FindTheCrashScenario() {}

  @Override
  public void run(PrintStream out) {
    InterleavingExplorer explorer = FindTheCrashChecks.setups().get(1).explorer();
    out.println("Setup (seed " + Seed.current() + "): " + explorer.describeSetup());
    out.println("Without the GIL: " + Counts.of(explorer.explore()));
    out.println();
    FindTheCrash learner = Submission.get(FindTheCrash.class);
    Object[] order = new Object[1];
    try (Interpreter interp =
        Interpreter.builder()
            .clock(Clock.virtual(ExerciseScenario.RUN_SEED))
            .stderr(new PrintStream(OutputStream.nullOutputStream()))
            .build()) {
      interp.run(() -> order[0] = learner.crash(explorer));
    } catch (RuntimeException e) {
      out.println("crash(explorer) raised " + Feedback.raised(e));
      return;
    }
    @SuppressWarnings("unchecked")
    List<String> schedule = (List<String>) order[0];
    if (schedule == null) {
      out.println("crash(explorer) returned null.");
      return;
    }
    out.println("crash(explorer) returned " + schedule.size() + " steps; replayed:");
    try {
      Replay replay = explorer.replay(schedule);
      out.print(replay.describe());
    } catch (IllegalArgumentException e) {
      out.println("  replay refused it: " + e.getMessage());
    }
  }
}

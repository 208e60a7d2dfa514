package gilbook.exercises.checks.ch02;

import gilbook.exercises.grading.ExerciseScenario;
import gilbook.exercises.grading.Seed;
import gilbook.runtime.Clock;
import gilbook.runtime.Interpreter;
import gilbook.runtime.explorer.ProgramOutcome;
import gilbook.runtime.explorer.ProgramResult;
import gilbook.runtime.explorer.Workload;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * What Run shows for "Make it safe": one seeded workload explored exhaustively without a lock, then
 * with each of the learner's designs: schedules explored, bad ones, the steps each design adds, and
 * the first bad schedule step by step (for a deadlock, who holds which lock and waits for which).
 * The learner's designs run inside one interpreter, so Run has its one interpreter to show; the
 * races are in the explorer's model. Judges nothing.
 */
public final class MakeItSafeScenario implements ExerciseScenario {
  public MakeItSafeScenario() {}

  @Override
  public void run(PrintStream out) {
    Workload workload = MakeItSafeChecks.workloads().get(0);
    out.println("Workload (seed " + Seed.current() + "): " + workload.describe());
    ProgramResult before = workload.unprotected().explore();
    out.println("Without a lock: " + Counts.of(before));
    describeFirstBad(out, before);
    try (Interpreter interp =
        Interpreter.builder()
            .clock(Clock.virtual(ExerciseScenario.RUN_SEED))
            .stderr(new PrintStream(OutputStream.nullOutputStream()))
            .build()) {
      interp.run(
          () -> {
            for (Design design : Design.values()) {
              out.println();
              MakeItSafeChecks.Attempt attempt = MakeItSafeChecks.Attempt.of(design, workload);
              if (attempt.raised() != null) {
                out.println(
                    "With "
                        + design.words()
                        + ": "
                        + attempt.raised().getClass().getSimpleName()
                        + ": "
                        + attempt.raised().getMessage());
                continue;
              }
              out.println("With " + design.words() + ": " + attempt.summary(before));
              out.println("  locks taken: " + attempt.program().locks());
              describeFirstBad(out, attempt.result());
            }
          });
    }
  }

  private static void describeFirstBad(PrintStream out, ProgramResult result) {
    for (ProgramOutcome o : ProgramOutcome.values()) {
      if (o != ProgramOutcome.CORRECT && result.count(o) > 0) {
        out.print(result.describe(o).orElseThrow().indent(2));
        return;
      }
    }
  }
}

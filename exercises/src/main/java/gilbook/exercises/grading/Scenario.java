package gilbook.exercises.grading;

import gilbook.runtime.Clock;
import gilbook.runtime.Interpreter;
import gilbook.runtime.ShutdownReport;
import gilbook.runtime.SimulationError;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Runs a check's scenario in a fresh, deterministic interpreter (virtual time, seed 1), and turns
 * what the learner's code broke into a message the learner can act on.
 */
public final class Scenario {
  private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

  private Scenario() {}

  /** Runs {@code main} as the main thread; returns the shutdown report. */
  public static ShutdownReport run(String what, Runnable main) {
    return run(what, b -> b, interp -> interp.run(main));
  }

  /**
   * Runs {@code body} against an interpreter configured by {@code settings}, then shuts it down. A
   * simulation error or a Python exception from the learner's code fails the check, naming the
   * learner's line when it can.
   */
  public static ShutdownReport run(
      String what, UnaryOperator<Interpreter.Builder> settings, Consumer<Interpreter> body) {
    Interpreter interp =
        settings
            .apply(
                Interpreter.builder()
                    .clock(Clock.virtual(1))
                    .stderr(QUIET)
                    .timeLimit(Duration.ofSeconds(600)))
            .build();
    try {
      body.accept(interp);
    } catch (SimulationError | gilbook.runtime.PyException e) {
      throw Feedback.fail(
          what + " to run cleanly", "your code raised " + Feedback.raised(e), advice(e));
    } finally {
      interp.close();
    }
    return interp.shutdown();
  }

  private static String advice(Throwable e) {
    String type = e.getClass().getSimpleName();
    return switch (type) {
      case "DanglingPointerError" ->
          "an object was freed while someone still used it: look for a missing incref, or a"
              + " decref of a reference you did not own.";
      case "GilNotHeldError" -> "touch Python objects only while the thread holds the GIL.";
      case "DeadlockError" -> "release the GIL before waiting on something another thread holds.";
      default -> "read the message above, fix the line it names, and check again.";
    };
  }
}

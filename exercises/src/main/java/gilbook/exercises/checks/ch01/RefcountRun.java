package gilbook.exercises.checks.ch01;

import gilbook.exercises.grading.Feedback;
import gilbook.runtime.Clock;
import gilbook.runtime.Interpreter;
import gilbook.runtime.PyException;
import gilbook.runtime.ShutdownReport;
import gilbook.runtime.SimulationError;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Runs a chapter 1 check's trials as the main thread of one fresh interpreter (virtual time), and
 * turns an exception from the learner's code into a message that names the rule it broke.
 */
final class RefcountRun {
  private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

  private RefcountRun() {}

  /**
   * Runs {@code body}, then shuts the interpreter down and returns its report. A failed check
   * thrown inside {@code body} passes through; an exception from the learner's code fails with
   * {@code expected} and {@code rule}.
   */
  static ShutdownReport run(String expected, String rule, Runnable body) {
    Interpreter interp =
        Interpreter.builder()
            .clock(Clock.virtual(1))
            .stderr(QUIET)
            .timeLimit(Duration.ofSeconds(60))
            .build();
    try {
      interp.run(body);
    } catch (SimulationError | PyException e) {
      throw Feedback.fail(expected, "the run raised " + RefcountFeedback.raised(e), rule);
    } finally {
      interp.close();
    }
    return interp.shutdown();
  }
}

package gilbook.app.engine;

import gilbook.exercises.grading.CheckResult;
import gilbook.exercises.harness.Problem;
import gilbook.exercises.worker.WorkerResult;
import java.util.List;
import java.util.Optional;

/**
 * The graded result of one exercise file, decided by the parent from the worker's outcome alone.
 * Immutable.
 *
 * @param id the exercise
 * @param passed whether every check passed and nothing went wrong
 * @param checks the verdict of each check (empty when the file could not be graded)
 * @param problems compile errors and the like, with the learner's lines
 * @param error why it could not be graded, or empty
 * @param output what the learner's code printed (capped)
 * @param droppedOutput how many bytes of output were cut
 * @param seed the seed the checks drew their inputs from: {@code gilbook check ID --seed S} grades
 *     again with the same inputs
 */
public record CheckOutcome(
    String id,
    boolean passed,
    List<CheckResult> checks,
    List<Problem> problems,
    Optional<Verdict> error,
    String output,
    long droppedOutput,
    long seed) {

  /** Turns what a worker did into a verdict; {@code limitSeconds} is for the messages. */
  static CheckOutcome from(
      String id, String path, WorkerProcess.Outcome o, int limitSeconds, long seed) {
    if (o.killed()) {
      return failed(
          id,
          o,
          seed,
          List.of(),
          List.of(),
          new Verdict(
              "timeout",
              "your code did not finish within its "
                  + limitSeconds
                  + " s, and its JVM stopped answering, so gilbook stopped it after "
                  + WorkerProcess.hardLimitSeconds(limitSeconds * 1000L)
                  + " s. Look for a loop that never ends, a long sleep, or threads waiting for"
                  + " each other."));
    }
    if (o.result().isEmpty()) {
      return failed(id, o, seed, List.of(), List.of(), endedEarly(o.exitCode(), o.output()));
    }
    WorkerResult r = o.result().get();
    switch (r.status()) {
      case "timeout" -> {
        String kind = r.detail().startsWith("deadlock") ? "deadlock" : "timeout";
        return failed(id, o, seed, List.of(), List.of(), new Verdict(kind, r.detail()));
      }
      case "problems" -> {
        Problem first = r.problems().get(0);
        String kind = first.kind().name().toLowerCase(java.util.Locale.ROOT);
        StringBuilder msg = new StringBuilder();
        for (Problem p : r.problems()) {
          msg.append(msg.length() == 0 ? "" : "\n").append(p.format(path));
        }
        return failed(id, o, seed, List.of(), r.problems(), new Verdict(kind, msg.toString()));
      }
      case "graded" -> {
        if (!r.strayThreads().isEmpty()) {
          return failed(
              id,
              o,
              seed,
              r.checks(),
              List.of(),
              new Verdict(
                  "stray-thread",
                  "your code left thread(s) "
                      + r.strayThreads()
                      + " running after the checks. Make worker threads daemons, or join them"
                      + " before returning."));
        }
        boolean ok = !r.checks().isEmpty() && r.checks().stream().allMatch(CheckResult::passed);
        return new CheckOutcome(
            id, ok, r.checks(), List.of(), Optional.empty(), o.output(), o.droppedOutput(), seed);
      }
      default -> {
        return failed(
            id,
            o,
            seed,
            List.of(),
            List.of(),
            new Verdict("internal", "gilbook could not grade this file: " + r.detail()));
      }
    }
  }

  /** The learner stopped the check before it ended. */
  static CheckOutcome cancelled(String id, WorkerProcess.Outcome o, long seed) {
    return failed(
        id,
        o,
        seed,
        List.of(),
        List.of(),
        new Verdict("cancelled", "you stopped the check before it ended."));
  }

  private static Verdict endedEarly(int exitCode, String output) {
    // Point at the output only when there is some: an empty console must not be sent for.
    return new Verdict(
        exitCode == 0 ? "exit" : "crash",
        "the JVM running your code ended (exit code "
            + exitCode
            + ") before the checks finished. Most likely your code called System.exit or"
            + " Runtime.halt (return from your method instead); a crash of the JVM itself is also"
            + " possible."
            + (output.isBlank() ? "" : " What your code printed may say more."));
  }

  private static CheckOutcome failed(
      String id,
      WorkerProcess.Outcome o,
      long seed,
      List<CheckResult> checks,
      List<Problem> problems,
      Verdict error) {
    return new CheckOutcome(
        id, false, checks, problems, Optional.of(error), o.output(), o.droppedOutput(), seed);
  }
}

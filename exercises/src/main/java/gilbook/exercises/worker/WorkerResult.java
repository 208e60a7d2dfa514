package gilbook.exercises.worker;

import gilbook.exercises.grading.CheckResult;
import gilbook.exercises.harness.Problem;
import java.util.List;

/**
 * What a worker JVM reports to its parent over its verdict connection (see VerdictChannel): the
 * only channel the parent trusts. Immutable.
 *
 * @param nonce empty: kept for the JSON's shape. A verdict counts because of the connection it
 *     arrives on, not because of anything it carries (which learner code could copy)
 * @param status {@code graded}, {@code problems}, {@code ran}, {@code timeout}, {@code verified} or
 *     {@code error}
 * @param problems why the file could not be graded
 * @param checks the verdict of each check
 * @param strayThreads non-daemon threads left running by learner code
 * @param detail a message for {@code timeout} and {@code error}, or the summary of a run
 * @param lines report lines (the GIL summary of a run, or verify's breaches)
 * @param data structured results of a {@code dis} run (plain JSON values), or {@code null}
 */
public record WorkerResult(
    String nonce,
    String status,
    List<Problem> problems,
    List<CheckResult> checks,
    List<String> strayThreads,
    String detail,
    List<String> lines,
    java.util.Map<String, Object> data) {

  /** A result without structured data. */
  public WorkerResult(
      String nonce,
      String status,
      List<Problem> problems,
      List<CheckResult> checks,
      List<String> strayThreads,
      String detail,
      List<String> lines) {
    this(nonce, status, problems, checks, strayThreads, detail, lines, null);
  }

  public WorkerResult {
    problems = problems == null ? List.of() : List.copyOf(problems);
    checks = checks == null ? List.of() : List.copyOf(checks);
    strayThreads = strayThreads == null ? List.of() : List.copyOf(strayThreads);
    lines = lines == null ? List.of() : List.copyOf(lines);
    detail = detail == null ? "" : detail;
  }
}

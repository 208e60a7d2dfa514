package gilbook.exercises.grading;

import gilbook.exercises.harness.Problem;
import java.util.List;

/**
 * Everything grading one file produced. Immutable.
 *
 * @param problems why the file could not be graded (file, compile, exception or contract problems)
 * @param checks the verdict of each check, in order; empty when there were problems
 * @param strayThreads non-daemon threads the learner's code started and left running
 * @param seed the seed the checks drew their inputs from ({@link Seed})
 */
public record GradeReport(
    List<Problem> problems, List<CheckResult> checks, List<String> strayThreads, long seed) {
  public GradeReport {
    problems = List.copyOf(problems);
    checks = List.copyOf(checks);
    strayThreads = List.copyOf(strayThreads);
  }

  static GradeReport of(List<Problem> problems, long seed) {
    return new GradeReport(problems, List.of(), List.of(), seed);
  }

  /** Passed: no problems, at least one check, every check passed, and no thread left behind. */
  public boolean passed() {
    return problems.isEmpty()
        && !checks.isEmpty()
        && checks.stream().allMatch(CheckResult::passed)
        && strayThreads.isEmpty();
  }
}

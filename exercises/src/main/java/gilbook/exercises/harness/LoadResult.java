package gilbook.exercises.harness;

import java.util.List;

/**
 * What loading a learner's file produced: the problems found, in file order. Immutable.
 *
 * @param problems compile errors, a runtime exception, or a file or contract problem
 */
public record LoadResult(List<Problem> problems) {
  public LoadResult {
    problems = List.copyOf(problems);
  }

  /** Whether the file compiled, ran and bound to its contract. */
  public boolean ok() {
    return problems.isEmpty();
  }
}

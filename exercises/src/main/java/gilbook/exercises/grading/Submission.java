package gilbook.exercises.grading;

import gilbook.exercises.harness.Bindings;
import java.util.Optional;
import java.util.function.Function;

/**
 * The learner's code as the checks see it: the bound contract, and a way to find the learner's line
 * in an exception. Set up by whoever loaded the file (the worker, or a test). Thread-safe.
 */
public final class Submission {
  private static volatile Function<Throwable, Optional<Integer>> lines = t -> Optional.empty();

  private Submission() {}

  /**
   * The learner's implementation of {@code contract}.
   *
   * @throws IllegalStateException if no file was bound to it
   */
  public static <T> T get(Class<T> contract) {
    T bound = Bindings.get(contract);
    if (bound == null) {
      throw new IllegalStateException(
          "no learner file is bound to " + contract.getSimpleName() + "; load one first");
    }
    return bound;
  }

  /** How to map an exception to the learner's line; the harness provides it. */
  public static void lineFinder(Function<Throwable, Optional<Integer>> finder) {
    lines = finder;
  }

  /** The learner-file line where {@code thrown} came from, if it came from learner code. */
  public static Optional<Integer> learnerLine(Throwable thrown) {
    return lines.apply(thrown);
  }
}

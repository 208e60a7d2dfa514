package gilbook.exercises.worker;

import gilbook.exercises.grading.ExerciseScenario;
import gilbook.exercises.grading.Seed;
import gilbook.exercises.grading.Submission;
import gilbook.exercises.harness.JShellHarness;
import gilbook.exercises.harness.Problem;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/**
 * Run on an exercise: binds the loaded file to the exercise's contract and runs its {@link
 * ExerciseScenario} once with the fixed Run seed, ungraded. The interpreter the scenario builds is
 * what the worker then summarises and draws.
 */
final class ScenarioJob {
  private ScenarioJob() {}

  /** Runs the scenario; returns why it could not (the file does not fit the contract), or none. */
  static List<Problem> run(
      JShellHarness harness, String contractName, String scenarioName, PrintStream out) {
    Optional<Problem> unbound = harness.bind(load(contractName));
    if (unbound.isPresent()) {
      return List.of(unbound.get());
    }
    ExerciseScenario scenario = instantiate(load(scenarioName));
    Submission.lineFinder(harness::learnerLine);
    Seed.use(ExerciseScenario.RUN_SEED);
    try {
      scenario.run(out);
    } catch (RuntimeException | Error e) {
      // A scenario reports the learner's failures itself; reaching here means it could not.
      String line = Submission.learnerLine(e).map(n -> " (line " + n + " of your file)").orElse("");
      out.println("✗ your code raised " + JShellHarness.describe(e) + line);
    } finally {
      Submission.lineFinder(t -> Optional.empty());
    }
    return List.of();
  }

  private static ExerciseScenario instantiate(Class<?> type) {
    try {
      var constructor = type.getDeclaredConstructor();
      constructor.setAccessible(true);
      return (ExerciseScenario) constructor.newInstance();
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalStateException(
          type.getName() + " is not a usable ExerciseScenario; rebuild gilbook", e);
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(
          "the manifest names " + name + ", which is not on the class path; rebuild gilbook", e);
    }
  }
}

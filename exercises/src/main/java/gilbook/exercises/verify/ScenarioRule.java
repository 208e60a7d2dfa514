package gilbook.exercises.verify;

import gilbook.exercises.grading.ExerciseScenario;
import gilbook.exercises.manifest.Exercise;
import gilbook.exercises.manifest.Manifest;
import java.util.List;

/**
 * Every exercise names a scenario, so Run on it shows what the learner's code does to the GIL (see
 * {@link ExerciseScenario}); the class must exist and be one.
 */
final class ScenarioRule {
  private ScenarioRule() {}

  static List<String> check(Exercise e) {
    if (e.scenario() == null || e.scenario().isBlank()) {
      return List.of(
          e.id()
              + ": names no scenario, so Run on it shows no GIL activity; write an"
              + " ExerciseScenario that runs the checks' scenario once, and name it under"
              + " 'scenario:' in "
              + Manifest.FILE);
    }
    try {
      Class<?> type = Class.forName(e.scenario());
      if (!ExerciseScenario.class.isAssignableFrom(type)) {
        return List.of(
            e.id()
                + ": its scenario "
                + e.scenario()
                + " is not an ExerciseScenario; implement that interface");
      }
      type.getConstructor();
      return List.of();
    } catch (ClassNotFoundException ex) {
      return List.of(
          e.id()
              + ": its scenario "
              + e.scenario()
              + " is not on the class path; fix the name in "
              + Manifest.FILE
              + ", or rebuild");
    } catch (NoSuchMethodException ex) {
      return List.of(
          e.id() + ": its scenario " + e.scenario() + " needs a public no-argument constructor");
    }
  }
}

package gilbook.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gilbook.exercises.manifest.Exercise;
import gilbook.exercises.manifest.Manifest;
import gilbook.exercises.verify.AuthoringContract;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The build refuses a workbook that breaks the authoring contract. */
class AuthoringContractTests {
  /** The workbook root: this module's parent folder. */
  static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  @Test
  void everyExerciseKeepsTheAuthoringContract() {
    List<String> progress = new ArrayList<>();
    List<String> breaches = AuthoringContract.verify(ROOT, progress::add);
    assertEquals(List.of(), breaches, "authoring contract breaches");
    List<String> expected =
        Manifest.load(ROOT).exercises().stream()
            .map(Exercise::id)
            .map(id -> "verifying " + id)
            .toList();
    assertEquals(expected, progress, "every exercise in the manifest verified, in order");
  }
}

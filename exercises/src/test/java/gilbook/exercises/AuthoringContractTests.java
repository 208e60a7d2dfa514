package gilbook.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import gilbook.exercises.manifest.Exercise;
import gilbook.exercises.manifest.Manifest;
import gilbook.exercises.verify.AuthoringContract;
import gilbook.exercises.verify.CorpusFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build refuses a workbook that breaks the authoring contract. */
class AuthoringContractTests {
  /** The workbook root: this module's parent folder. */
  static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  @Nested
  class TheShippedWorkbook {

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

    @Test
    void namingExercisesGradesOnlyThose() {
      List<String> progress = new ArrayList<>();
      List<String> breaches =
          AuthoringContract.verify(ROOT, progress::add, 1, Set.of("predict-getrefcount"));
      assertEquals(List.of(), breaches, "authoring contract breaches");
      assertEquals(List.of("verifying predict-getrefcount"), progress);
    }

    @Test
    void namingAnExerciseTheManifestLacksIsRefusedBeforeAnythingIsGraded() {
      List<String> progress = new ArrayList<>();
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> AuthoringContract.verify(ROOT, progress::add, 1, Set.of("no-such-exercise")));
      assertTrue(e.getMessage().contains("no exercise no-such-exercise"), e.getMessage());
      assertEquals(List.of(), progress);
    }
  }

  /**
   * Each case copies one exercise of the shipped workbook (its manifest entry, lesson, learner
   * file, stub and solution) into a temporary workbook, breaks one thing, and runs the contract on
   * the copy. One exercise, because the contract grades every stub and solution five times, and the
   * whole workbook would take a minute per case. Each case expects exactly one breach, so the copy
   * is otherwise sound and the breach is the defect's own.
   */
  @Nested
  class AnExerciseThatBreaksItIsRefused {
    private static final String ID = "refcount-by-hand";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir Path copy;
    private Exercise exercise;
    private String scenario;

    @BeforeEach
    void copyOneExercise() throws IOException {
      Manifest shipped = Manifest.load(ROOT);
      exercise = shipped.exercise(ID).orElseThrow();
      scenario = exercise.scenario();
      writeManifest(hints -> hints);
      copyFile(shipped.chapterOf(exercise).lesson());
      copyFile(exercise.path());
      copyFile(exercise.solutionPath());
      copyFile(stub());
      // A wrong corpus of one file that is surely wrong: the stub as shipped.
      writeCorpus("wrong", "as-shipped.jsh", "// WRONG: the stub as shipped\n" + read(stub()));
    }

    @Test
    void aWrongFileThatPassesIsRefusedWithItsSeed() throws IOException {
      writeCorpus("wrong", "sneaky.jsh", "// WRONG: looks wrong\n" + read(exercise.solutionPath()));
      String breach = assertOneBreach("passes its checks (seed ", "yet it is wrong: looks wrong");
      assertTrue(breach.contains("--seed "), breach);
    }

    @Test
    void aRightFileThatFailsIsRefused() throws IOException {
      writeCorpus("right", "other-style.jsh", "// RIGHT: another style\n" + read(stub()));
      assertOneBreach("right/" + ID + "/other-style.jsh (another style) fails its checks", "Fix");
    }

    @Test
    void aCorpusFileThatDoesNotSayWhatItGetsWrongIsRefused() throws IOException {
      Files.writeString(
          corpus("wrong", "as-shipped.jsh"), read(stub()).replaceFirst("^//", "// note"));
      assertOneBreach("does not open with '// WRONG: ...'", "what it gets wrong");
    }

    @Test
    void anExerciseWithoutAWrongCorpusIsRefused() throws IOException {
      Files.delete(corpus("wrong", "as-shipped.jsh"));
      assertOneBreach("has no wrong corpus", "one file per mistake the lesson warns about");
    }

    @Test
    void anExerciseWithoutAScenarioIsRefused() throws IOException {
      scenario = null;
      writeManifest(hints -> hints);
      assertOneBreach("names no scenario", "scenario:");
    }

    @Test
    void aStubWithoutATodoIsRefused() throws IOException {
      edit(stub(), text -> text.replace("TODO:", "note:"));
      assertOneBreach("has no TODO", "// TODO");
    }

    @Test
    void aStubThatAlreadyPassesIsRefused() throws IOException {
      Files.writeString(
          copy.resolve(stub()),
          read(exercise.solutionPath()) + "\n// TODO: nothing left, which is the defect\n");
      assertOneBreach("the stub as shipped passes its checks", "leave work for the learner");
    }

    @Test
    void aSolutionThatFailsIsRefusedWithTheFailingCheck() throws IOException {
      Files.writeString(copy.resolve(exercise.solutionPath()), read(stub()));
      String breach = assertOneBreach("the solution fails its checks", "fix the solution");
      assertTrue(breach.contains(exercise.solutionPath()), breach);
    }

    @Test
    void anExerciseWithOnlyOneHintIsRefused() throws IOException {
      writeManifest(hints -> hints.subList(0, 1));
      assertOneBreach("has 1 hint(s)", "give at least two levels in " + Manifest.FILE);
    }

    /**
     * Runs the contract on the copy and asserts it found exactly one breach, which names the
     * exercise, states {@code problem} and says {@code whatToDo}.
     */
    private String assertOneBreach(String problem, String whatToDo) {
      List<String> breaches = AuthoringContract.verify(copy, progress -> {});
      assertEquals(1, breaches.size(), () -> "expected one breach, got " + breaches);
      String breach = breaches.get(0);
      assertTrue(breach.startsWith(ID + ": "), () -> "the breach must name " + ID + ": " + breach);
      assertTrue(breach.contains(problem), () -> "expected '" + problem + "' in: " + breach);
      assertTrue(breach.contains(whatToDo), () -> "expected '" + whatToDo + "' in: " + breach);
      return breach;
    }

    /** Writes a manifest with only this exercise in its chapter, its hints passed through edit. */
    private void writeManifest(UnaryOperator<List<String>> editHints) throws IOException {
      Manifest shipped = Manifest.load(ROOT);
      var chapter = shipped.chapterOf(exercise);
      ObjectNode root = YAML.createObjectNode();
      ObjectNode ch = root.putArray("chapters").addObject();
      ch.put("id", chapter.id()).put("title", chapter.title()).put("lesson", chapter.lesson());
      ObjectNode e = ch.putArray("exercises").addObject();
      e.put("id", exercise.id())
          .put("title", exercise.title())
          .put("path", exercise.path())
          .put("contract", exercise.contract())
          .put("checks", exercise.checks())
          .put("timeLimitSeconds", exercise.timeLimitSeconds());
      if (scenario != null) {
        e.put("scenario", scenario);
      }
      ArrayNode hints = e.putArray("hints");
      editHints.apply(exercise.hints()).forEach(hints::add);
      Path file = copy.resolve(Manifest.FILE);
      Files.createDirectories(file.getParent());
      YAML.writeValue(file.toFile(), root);
      assertEquals(
          List.of(ID),
          Manifest.load(copy).exercises().stream().map(Exercise::id).toList(),
          "the copy's manifest");
    }

    private Path corpus(String side, String name) {
      return copy.resolve(CorpusFile.DIR).resolve(side).resolve(ID).resolve(name);
    }

    private void writeCorpus(String side, String name, String text) throws IOException {
      Path file = corpus(side, name);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    }

    private String stub() {
      return "exercises/src/main/resources/" + exercise.stubResource();
    }

    private void copyFile(String relative) throws IOException {
      Path target = copy.resolve(relative);
      Files.createDirectories(target.getParent());
      Files.copy(ROOT.resolve(relative), target);
    }

    private void edit(String relative, UnaryOperator<String> change) throws IOException {
      String before = Files.readString(copy.resolve(relative));
      String after = change.apply(before);
      assertTrue(!after.equals(before), "the edit changed nothing in " + relative);
      Files.writeString(copy.resolve(relative), after);
    }

    private String read(String relative) throws IOException {
      return Files.readString(ROOT.resolve(relative));
    }
  }
}

package gilbook.exercises.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gilbook.exercises.grading.ExerciseScenario;
import gilbook.exercises.grading.Seed;
import gilbook.exercises.harness.JShellHarness;
import gilbook.exercises.manifest.Exercise;
import gilbook.exercises.manifest.Manifest;
import gilbook.runtime.Interpreter;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The Run scenarios of chapter 2 keep the {@link ExerciseScenario} contract on the shipped stub and
 * on the solution: each builds exactly one interpreter, returns normally, and prints the schedules
 * explored and the bad ones, and the learner's schedule or designs.
 */
class Ch02ScenarioTests {
  static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  private static String run(String id, String file) throws Exception {
    Exercise exercise = Manifest.load(ROOT).exercise(id).orElseThrow();
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    try (JShellHarness harness = new JShellHarness(quiet, quiet)) {
      assertTrue(harness.load(Files.readString(ROOT.resolve(file))).ok(), file);
      assertTrue(harness.bind(Class.forName(exercise.contract())).isEmpty(), file);
      ExerciseScenario scenario =
          (ExerciseScenario)
              Class.forName(exercise.scenario()).getDeclaredConstructor().newInstance();
      Seed.use(ExerciseScenario.RUN_SEED);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      AtomicInteger built = new AtomicInteger();
      Interpreter.observeBuilds(
          interp -> built.incrementAndGet(),
          () -> scenario.run(new PrintStream(bytes, true, StandardCharsets.UTF_8)));
      assertEquals(1, built.get(), id + ": interpreters built by the scenario on " + file);
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }

  private static String stub(String id) throws Exception {
    Exercise exercise = Manifest.load(ROOT).exercise(id).orElseThrow();
    return "exercises/src/main/resources/" + exercise.stubResource();
  }

  @Test
  void findTheCrashShowsTheCountsAndReplaysTheLearnersOrder() throws Exception {
    String stub = run("find-the-crash", stub("find-the-crash"));
    assertTrue(stub.contains("schedules explored"), stub);
    assertTrue(stub.contains("step 1"), stub);
    String solution =
        run("find-the-crash", "solutions/02-reference-count-races/find_the_crash.jsh");
    assertTrue(solution.contains("verdict: premature free"), solution);
  }

  @Test
  void makeItSafeShowsTheCountsBeforeAndAfterAndTheCost() throws Exception {
    String stub = run("make-it-safe", stub("make-it-safe"));
    assertTrue(stub.contains("Without a lock: 48620 schedules explored"), stub);
    assertTrue(stub.contains("With one global lock: 48620 schedules explored"), stub);
    String solution = run("make-it-safe", "solutions/02-reference-count-races/make_it_safe.jsh");
    assertTrue(solution.contains("With one global lock: 6 schedules explored, 0 bad"), solution);
    assertTrue(solution.contains("extra steps per schedule"), solution);
    String deadlock =
        run(
            "make-it-safe",
            "exercises/src/test/resources/wrong/make-it-safe/locks-in-the-operations-order.jsh");
    assertTrue(deadlock.contains("and waits for lock"), deadlock);
  }
}

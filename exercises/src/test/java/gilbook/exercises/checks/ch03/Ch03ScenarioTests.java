package gilbook.exercises.checks.ch03;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gilbook.exercises.contract.TakeAndDrop;
import gilbook.exercises.contract.TuneTheInterval;
import gilbook.exercises.grading.ExerciseScenario;
import gilbook.exercises.grading.Seed;
import gilbook.exercises.harness.JShellHarness;
import gilbook.runtime.Interpreter;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What Run shows for chapter 3: one interpreter, the workload, and what the learner's code did. */
class Ch03ScenarioTests {
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static final Path STUBS =
      ROOT.resolve("exercises/src/main/resources/stubs/03-inside-cpythons-gil");
  private static final Path SOLUTIONS = ROOT.resolve("solutions/03-inside-cpythons-gil");
  private static final Path WRONG = Path.of("src/test/resources/wrong").toAbsolutePath();
  private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

  /** Binds {@code file} as Run does, runs {@code scenario} once, and returns what it printed. */
  private static String run(Path file, Class<?> contract, ExerciseScenario scenario)
      throws Exception {
    return run(file, contract, scenario, 1);
  }

  /** {@link #run}, for a file whose own code builds interpreters too: {@code builds} in all. */
  private static String run(Path file, Class<?> contract, ExerciseScenario scenario, int builds)
      throws Exception {
    try (JShellHarness harness = new JShellHarness(QUIET, QUIET)) {
      assertTrue(harness.load(Files.readString(file)).ok(), "loads: " + file);
      assertTrue(harness.bind(contract).isEmpty(), "binds: " + file);
      Seed.use(ExerciseScenario.RUN_SEED);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      AtomicInteger built = new AtomicInteger();
      Interpreter.observeBuilds(
          i -> built.incrementAndGet(),
          () -> scenario.run(new PrintStream(bytes, true, StandardCharsets.UTF_8)));
      assertEquals(builds, built.get(), "Run builds exactly one interpreter of its own");
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }

  @Test
  void theTakeAndDropStubIsShownBreakingMutualExclusion() throws Exception {
    String out =
        run(STUBS.resolve("take_and_drop.jsh.stub"), TakeAndDrop.class, new TakeAndDropScenario());
    assertTrue(out.startsWith("Your GIL runs "), out);
    assertTrue(out.contains("Two threads holding the GIL at once: thread "), out);
  }

  @Test
  void theTakeAndDropSolutionIsShownKeepingEveryRule() throws Exception {
    String out =
        run(SOLUTIONS.resolve("take_and_drop.jsh"), TakeAndDrop.class, new TakeAndDropScenario());
    assertTrue(out.contains("Two threads holding the GIL at once: none seen."), out);
    assertTrue(out.contains("A drop request too early: none seen."), out);
    assertTrue(out.contains("A free GIL left untaken: none seen."), out);
    assertTrue(out.contains("A waiter left waiting: none seen."), out);
    assertTrue(out.contains("A dropper that took the GIL straight back: none seen."), out);
    assertTrue(out.contains("switchNumber / lastHolder / locked: none seen."), out);
  }

  @Test
  void aGilThatNeverAsksIsShownLeavingAWaiterWaiting() throws Exception {
    String out =
        run(
            WRONG.resolve("take-and-drop/waits-forever.jsh"),
            TakeAndDrop.class,
            new TakeAndDropScenario());
    assertTrue(out.contains("0 drop requests"), out);
    assertTrue(out.contains("A waiter left waiting: thread "), out);
  }

  @Test
  void theTuneStubIsShownWithItsPredictionsAndTheSimulatedWaits() throws Exception {
    String out =
        run(
            STUBS.resolve("tune_the_interval.jsh.stub"),
            TuneTheInterval.class,
            new TuneTheIntervalScenario());
    assertTrue(out.startsWith("Workload: check points every "), out);
    assertTrue(out.contains("and a wait of 0.0 µs for the I/O thread"), out);
    assertTrue(out.contains("The simulation: thread io waited for the GIL 8 times"), out);
  }

  @Test
  void theTuneSolutionPredictsTheMedianWaitRun() throws Exception {
    String out =
        run(
            SOLUTIONS.resolve("tune_the_interval.jsh"),
            TuneTheInterval.class,
            new TuneTheIntervalScenario());
    String predicted = out.replaceAll("(?s).*and a wait of ([^ ]+ [^ ]+) for.*", "$1");
    String simulated = out.replaceAll("(?s).*median ([^ ]+ [^ ]+?)\\.\\n.*", "$1");
    assertEquals(simulated, predicted, out);
  }

  @Test
  void aPredictionThatRunsTheSimulationIsStoppedAndRunStillShowsOneInterpreter() throws Exception {
    String out =
        run(
            WRONG.resolve("tune-the-interval/runs-the-simulation.jsh"),
            TuneTheInterval.class,
            new TuneTheIntervalScenario(),
            2);
    assertTrue(out.contains("Your predictions stopped: "), out);
    assertTrue(out.contains("The simulation: thread io waited"), out);
  }
}

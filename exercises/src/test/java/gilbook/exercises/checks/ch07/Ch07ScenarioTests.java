package gilbook.exercises.checks.ch07;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gilbook.exercises.contract.PrimeFactors;
import gilbook.exercises.contract.UpdateInBatches;
import gilbook.exercises.contract.UpdateInPlace;
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

/** What Run shows for chapter 7: one interpreter, the inputs, and what the learner's code did. */
class Ch07ScenarioTests {
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static final Path STUBS =
      ROOT.resolve("exercises/src/main/resources/stubs/07-minimizing-gil-hold-time");
  private static final Path SOLUTIONS = ROOT.resolve("solutions/07-minimizing-gil-hold-time");
  private static final Path WRONG = Path.of("src/test/resources/wrong").toAbsolutePath();
  private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

  /** Binds {@code file} as Run does, runs {@code scenario} once, and returns what it printed. */
  private static String run(Path file, Class<?> contract, ExerciseScenario scenario)
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
      assertEquals(1, built.get(), "Run builds exactly one interpreter");
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }

  @Test
  void theStubIsShownHoldingTheGilThroughout() throws Exception {
    String out =
        run(
            STUBS.resolve("update_in_place_copy.jsh.stub"),
            UpdateInPlace.class,
            new UpdateInPlaceScenario());
    assertTrue(out.startsWith("numbers = ["), out);
    assertTrue(out.contains("update_in_place returned."), out);
    assertTrue(out.contains("(100.0% of its run)"), out);
    assertTrue(out.contains("8 of them holding the GIL"), out);
  }

  @Test
  void theSolutionIsShownReleasingIt() throws Exception {
    String out =
        run(
            SOLUTIONS.resolve("update_in_place_reattach.jsh"),
            UpdateInPlace.class,
            new UpdateInPlaceScenario());
    assertTrue(out.contains("update_in_place returned."), out);
    assertTrue(out.contains("0 of them holding the GIL"), out);
    assertTrue(out.contains("numbers is now ["), out);
  }

  @Test
  void anExceptionIsShownAndRunStillReturns() throws Exception {
    String out =
        run(
            WRONG.resolve("update-in-place-copy/no-size-check-on-write-back.jsh"),
            UpdateInPlace.class,
            new UpdateInPlaceScenario());
    assertTrue(out.contains("update_in_place raised IndexError: "), out);
  }

  @Test
  void aSimulationErrorStopsTheRunWithoutThrowing() throws Exception {
    String out =
        run(
            WRONG.resolve("update-in-place-copy/uses-bound-while-detached.jsh"),
            UpdateInPlace.class,
            new UpdateInPlaceScenario());
    assertTrue(out.contains("The run stopped: your code raised GilNotHeldError"), out);
  }

  @Test
  void theDictIsShownAsPythonPrintsIt() throws Exception {
    String out =
        run(
            SOLUTIONS.resolve("compute_prime_factors.jsh"),
            PrimeFactors.class,
            new ComputePrimeFactorsScenario());
    assertTrue(out.contains("compute_prime_factors returned {"), out);
    assertTrue(out.contains("(refcount 1)"), out);
    String stub =
        run(
            STUBS.resolve("compute_prime_factors.jsh.stub"),
            PrimeFactors.class,
            new ComputePrimeFactorsScenario());
    assertTrue(stub.contains("6 of them holding the GIL"), stub);
  }

  @Test
  void theBatchingStubIsShownMakingTheServerWaitForTheWholeCall() throws Exception {
    String out =
        run(
            STUBS.resolve("update_in_place_batched.jsh.stub"),
            UpdateInBatches.class,
            new UpdateInBatchesScenario());
    assertTrue(out.startsWith("numbers = a list of "), out);
    assertTrue(out.contains("update_in_place_batched returned."), out);
    assertTrue(out.contains("(100.0% of its run)"), out);
    // The server waits through the whole call: its 99th percentile is in milliseconds.
    assertTrue(
        out.matches("(?s).*Thread server waited for the GIL .*: 99th percentile \\d+\\.\\d ms.*"),
        out);
  }

  @Test
  void theBatchingSolutionIsShownKeepingTheTarget() throws Exception {
    String out =
        run(
            SOLUTIONS.resolve("update_in_place_batched.jsh"),
            UpdateInBatches.class,
            new UpdateInBatchesScenario());
    assertTrue(out.contains("update_in_place_batched returned."), out);
    assertTrue(out.contains("0 of them holding the GIL"), out);
    assertTrue(out.contains("the checks allow"), out);
  }
}

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
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The Run scenarios of chapters 1, 2 and 8 keep the {@link ExerciseScenario} contract on the
 * shipped stub (which fails) and on the solution: each builds exactly one interpreter, returns
 * normally, and prints what happened; the prediction exercise's prints no snippet's real count, and
 * chapter 2's print the schedules explored and the bad ones. (Chapters 3 and 7 have theirs in their
 * own packages.)
 */
class RunScenarioTests {
  static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  /** Binds {@code file} to the exercise's contract, runs its scenario, returns what it printed. */
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

  private static String stub(String id) throws IOException {
    Exercise exercise = Manifest.load(ROOT).exercise(id).orElseThrow();
    return "exercises/src/main/resources/" + exercise.stubResource();
  }

  @Test
  void refcountByHandShowsTheCountsAndTheShutdown() throws Exception {
    String stub = run("refcount-by-hand", stub("refcount-by-hand"));
    assertTrue(stub.contains("listAppend(list, "), stub);
    assertTrue(stub.contains("raised DanglingPointerError") || stub.contains("freed"), stub);
    String solution = run("refcount-by-hand", "solutions/01-why-the-gil/refcount_by_hand.jsh");
    assertTrue(solution.contains("listPop(list) returned"), solution);
    assertTrue(solution.contains("nothing leaked"), solution);
  }

  @Test
  void predictGetrefcountShowsThePredictionsButNoAnswer() throws Exception {
    String stub = run("predict-getrefcount", stub("predict-getrefcount"));
    // The stub predicts 0 everywhere: with the snippet numbers taken out, any other digit
    // would be an answer the scenario leaked.
    String withoutNumbering = stub.replaceAll("(?m)^\\s+\\d\\)", "").replace("3.11", "");
    assertTrue(withoutNumbering.replaceAll("[^1-9]", "").isEmpty(), stub);
    assertTrue(stub.contains("you predict 0"), stub);
    String solution =
        run("predict-getrefcount", "solutions/01-why-the-gil/predict_getrefcount.jsh");
    assertTrue(solution.contains("you predict 3"), solution);
  }

  @Test
  void embedWithWorkersReportsTheStubsDeadlockAndTheSolutionsWork() throws Exception {
    String stub = run("embed-with-workers", stub("embed-with-workers"));
    assertTrue(stub.contains("Deadlock"), stub);
    assertTrue(stub.contains("waits for the GIL (held by Main) in Py.GIL()"), stub);
    String solution =
        run("embed-with-workers", "solutions/08-embedding-python/embed_with_workers.jsh");
    assertTrue(solution.contains("Worker-0 appended 1000, 1001"), solution);
    assertTrue(solution.contains("the engine was shut down"), solution);
  }

  @Test
  void shutdownFromAnotherThreadReportsTheStubsDeadlockAndTheSolutionsExit() throws Exception {
    String stub = run("shutdown-from-another-thread", stub("shutdown-from-another-thread"));
    assertTrue(stub.contains("Deadlock"), stub);
    assertTrue(
        stub.contains("ExitHandler waits for the GIL (held by Main) in PythonEngine.Shutdown()"),
        stub);
    assertTrue(stub.contains("then took it again with PythonEngine.EndAllowThreads()"), stub);
    String solution =
        run(
            "shutdown-from-another-thread",
            "solutions/08-embedding-python/shutdown_from_another_thread.jsh");
    assertTrue(solution.contains("Worker-0 appended 1000, 1001"), solution);
    assertTrue(solution.contains("then took it again with Py.GIL()."), solution);
    assertTrue(solution.contains("When ExitHandler's PythonEngine.Shutdown() asked"), solution);
    assertTrue(solution.contains("the engine was running when they started and stopped"), solution);
    assertTrue(solution.contains("Nothing leaked."), solution);
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

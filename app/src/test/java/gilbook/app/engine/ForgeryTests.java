package gilbook.app.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gilbook.app.TempWorkbook;
import gilbook.exercises.grading.CheckResult;
import gilbook.exercises.manifest.Exercise;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Learner code cannot forge a verdict: every {@code forge-*.jsh} of refcount-by-hand's wrong corpus
 * (each a file whose methods do nothing, plus one way of faking a pass) goes through the real
 * {@link Workbook#check}, in a real worker JVM, and must not pass. Where the attempt leaves a trace
 * the grader can see, the verdict must name it. Before the worker became a closed module with its
 * own verdict channel, six of these files passed ("✓ 1 of 1 checks passed"; the race when it won).
 *
 * <p>One worker per file, a few seconds each; nothing here is timed. The class timeout only turns a
 * hang into a failure.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class ForgeryTests {
  private static final Path CORPUS =
      TempWorkbook.REAL_ROOT.resolve("exercises/src/test/resources/wrong/refcount-by-hand");

  /**
   * What each attempt's verdict must say: its kind, and words from its message (or, where the
   * attempt leaves nothing to name, from the code's output or the failed checks).
   */
  private record Expected(String kind, String words) {}

  private static final Map<String, Expected> NAMED =
      Map.of(
          "forge-reflection.jsh", new Expected("exception", "grader's internals"),
          "forge-unsafe.jsh", new Expected("exception", "sun.misc.Unsafe"),
          "forge-worker-call.jsh", new Expected("exception", "grader's internals"),
          "forge-junit-reflection.jsh", new Expected("exception", "grader's internals"),
          "forge-result-file.jsh", new Expected("exception", "a verdict of its own"),
          "forge-exit-after-pass.jsh", new Expected("exit", "System.exit"),
          // Nothing for the grader to see: the checks fail, as for any file that does nothing.
          "forge-fake-output.jsh", new Expected(null, "ob_refcnt"),
          "forge-race-thread.jsh", new Expected(null, "ob_refcnt"),
          // Learner code cannot change the grading thread's loader: the real checks still run.
          "forge-context-loader.jsh", new Expected(null, "ob_refcnt"),
          "forge-stdin.jsh", new Expected(null, "no secret found"));

  @TempDir static Path dir;
  private static Workbook workbook;
  private static Exercise refcount;

  @BeforeAll
  static void openACopyOfTheWorkbook() {
    workbook = Workbook.open(TempWorkbook.copyInto(dir.resolve("wb")).root());
    refcount = workbook.exercise("refcount-by-hand");
  }

  @AfterAll
  static void closeIt() {
    if (workbook != null) {
      workbook.close();
    }
  }

  @TestFactory
  Stream<DynamicTest> noForgeryPasses() throws IOException {
    List<Path> files = new ArrayList<>();
    try (var all = Files.list(CORPUS)) {
      all.filter(p -> p.getFileName().toString().matches("forge-.*\\.jsh"))
          .sorted()
          .forEach(files::add);
    }
    assertTrue(files.size() >= NAMED.size(), "the forge corpus is missing from " + CORPUS);
    return files.stream()
        .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> doesNotPass(f)));
  }

  private static void doesNotPass(Path file) {
    CheckOutcome o = workbook.check(refcount, file, null);
    String name = file.getFileName().toString();
    String seen = describe(o);
    assertFalse(o.passed(), () -> name + " passed:\n" + seen);
    Expected expected = NAMED.get(name);
    assertTrue(expected != null, () -> name + " is new: say in NAMED what its verdict must name");
    if (expected.kind() != null) {
      assertEquals(expected.kind(), o.error().map(Verdict::kind).orElse("none"), seen);
    }
    assertTrue(
        seen.contains(expected.words()), () -> "expected '" + expected.words() + "' in\n" + seen);
  }

  private static String describe(CheckOutcome o) {
    StringBuilder s = new StringBuilder();
    o.error().ifPresent(v -> s.append(v.kind()).append(": ").append(v.message()).append('\n'));
    for (CheckResult c : o.checks()) {
      s.append(c.passed() ? "pass " : "FAIL ").append(c.name()).append(": ").append(c.message());
      s.append('\n');
    }
    return s.append("--- output:\n").append(o.output()).toString();
  }
}

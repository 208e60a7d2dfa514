package gilbook.app.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gilbook.app.TempWorkbook;
import gilbook.exercises.grading.CheckResult;
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
 * Learner code cannot forge a verdict: every {@code forge-*.jsh} of the wrong corpora (each a file
 * whose methods are wrong, plus one way of faking a pass; most are refcount-by-hand's, and each
 * exercise has one that ends the JVM after printing a pass) goes through the real {@link
 * Workbook#check}, in a real worker JVM, and must not pass. Where the attempt leaves a trace the
 * grader can see, the verdict must name it. Before the worker became a closed module with its own
 * verdict channel, six of these files passed ("✓ 1 of 1 checks passed"; the race when it won).
 *
 * <p>One worker per file, a few seconds each; nothing here is timed. The class timeout only turns a
 * hang into a failure.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class ForgeryTests {
  private static final Path CORPORA =
      TempWorkbook.REAL_ROOT.resolve("exercises/src/test/resources/wrong");

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

  /** What a file that ends the JVM after printing a pass must be told, in every exercise. */
  private static final Expected EXIT = new Expected("exit", "System.exit");

  @TempDir static Path dir;
  private static Workbook workbook;

  @BeforeAll
  static void openACopyOfTheWorkbook() {
    workbook = Workbook.open(TempWorkbook.copyInto(dir.resolve("wb")).root());
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
    try (var all = Files.walk(CORPORA, 2)) {
      all.filter(p -> p.getFileName().toString().matches("forge-.*\\.jsh"))
          .sorted()
          .forEach(files::add);
    }
    long refcount = files.stream().filter(f -> f.getParent().endsWith("refcount-by-hand")).count();
    assertTrue(refcount >= NAMED.size(), "the forge corpus is missing from " + CORPORA);
    return files.stream()
        .map(
            f ->
                DynamicTest.dynamicTest(
                    f.getParent().getFileName() + "/" + f.getFileName(), () -> doesNotPass(f)));
  }

  private static void doesNotPass(Path file) {
    String id = file.getParent().getFileName().toString();
    CheckOutcome o = workbook.check(workbook.exercise(id), file, null);
    String name = file.getFileName().toString();
    String seen = describe(o);
    assertFalse(o.passed(), () -> id + "/" + name + " passed:\n" + seen);
    Expected expected =
        id.equals("refcount-by-hand")
            ? NAMED.get(name)
            : name.equals("forge-exit-after-pass.jsh") ? EXIT : null;
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

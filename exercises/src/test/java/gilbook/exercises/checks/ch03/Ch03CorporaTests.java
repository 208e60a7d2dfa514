package gilbook.exercises.checks.ch03;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gilbook.exercises.grading.GradeReport;
import gilbook.exercises.grading.Grader;
import gilbook.exercises.manifest.Exercise;
import gilbook.exercises.manifest.Manifest;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Chapter 3's own corpora graded in this JVM: every wrong submission fails and every correct one
 * passes, on seed 0 by default. {@code -Dgilbook.ch03.seeds=20} grades seeds 0..19, the proof the
 * corpora were written against (a few minutes), and {@code -Dgilbook.ch03.ids=ID,ID} grades only
 * the exercises named. A submission that ends the JVM ({@code System.exit}) cannot be graded in
 * this one: the app grades in a child JVM, which reports it. Files named {@code forge-*} belong to
 * other suites and are left to them.
 */
class Ch03CorporaTests {
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static final Path CORPORA = Path.of("src/test/resources").toAbsolutePath();
  private static final List<String> EXERCISES =
      Optional.ofNullable(System.getProperty("gilbook.ch03.ids"))
          .map(ids -> List.of(ids.split(",")))
          .orElse(List.of("take-and-drop", "tune-the-interval"));
  private static final int SEEDS = Integer.getInteger("gilbook.ch03.seeds", 1);
  private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

  record Case(String verdict, String exercise, Path file) {
    @Override
    public String toString() {
      return verdict + "/" + exercise + "/" + file.getFileName();
    }
  }

  static Stream<Case> wrong() {
    return cases("wrong");
  }

  static Stream<Case> right() {
    return cases("right");
  }

  private static Stream<Case> cases(String verdict) {
    return EXERCISES.stream()
        .flatMap(
            id -> {
              try (Stream<Path> files = Files.list(CORPORA.resolve(verdict).resolve(id))) {
                return files
                    .filter(f -> f.toString().endsWith(".jsh"))
                    .filter(f -> !f.getFileName().toString().matches("forge-.*"))
                    .filter(f -> !read(f).contains("System.exit"))
                    .sorted()
                    .map(f -> new Case(verdict, id, f))
                    .toList()
                    .stream();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }

  private static String read(Path f) {
    try {
      return Files.readString(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Exercise exercise(String id) {
    return Manifest.load(ROOT).exercise(id).orElseThrow();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wrong")
  void aWrongSubmissionFailsOnEverySeed(Case c) {
    assertTrue(read(c.file()).startsWith("// WRONG: "), "starts with // WRONG: " + c);
    for (long seed = 0; seed < SEEDS; seed++) {
      GradeReport report = Grader.grade(exercise(c.exercise()), c.file(), QUIET, QUIET, seed);
      assertFalse(report.passed(), c + " passed with seed " + seed);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("right")
  void aCorrectSubmissionPassesOnEverySeed(Case c) {
    assertTrue(read(c.file()).startsWith("// RIGHT: "), "starts with // RIGHT: " + c);
    for (long seed = 0; seed < SEEDS; seed++) {
      GradeReport report = Grader.grade(exercise(c.exercise()), c.file(), QUIET, QUIET, seed);
      assertTrue(report.passed(), () -> c + " failed with seed " + report.seed() + ": " + report);
    }
  }
}

package gilbook.exercises.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gilbook.exercises.grading.CheckResult;
import gilbook.exercises.grading.GradeReport;
import gilbook.exercises.grading.Grader;
import gilbook.exercises.manifest.Exercise;
import gilbook.exercises.manifest.Manifest;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The wrong and right corpora of chapters 1, 2, 3 and 8 (or the exercises named in {@code
 * -Dgilbook.corpus.ids=a,b}), graded in this JVM over seeds 0..N-1: every wrong file fails for
 * every seed, every right file passes for every seed. Slow (a grading per file and seed), so it
 * runs only when asked: {@code -Dgilbook.corpus.seeds=20}. Files that end the JVM ({@code
 * System.exit}) are left to the worker-based contract check, which runs each in a child JVM. The
 * messages of seed 0 and the wall time of each grading go to {@code target/corpus-seeds.txt}.
 */
@EnabledIfSystemProperty(named = "gilbook.corpus.seeds", matches = "\\d+")
class SeededCorpusTests {
  static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  static final List<String> IDS =
      List.of(
          System.getProperty(
                  "gilbook.corpus.ids",
                  "refcount-by-hand,predict-getrefcount,find-the-crash,make-it-safe,"
                      + "take-and-drop,tune-the-interval,embed-with-workers,"
                      + "shutdown-from-another-thread")
              .split(","));
  static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

  @Test
  void everyVerdictHoldsForEverySeed() throws IOException {
    int seeds = Integer.getInteger("gilbook.corpus.seeds");
    Manifest manifest = Manifest.load(ROOT);
    List<String> breaches = new ArrayList<>();
    StringBuilder log = new StringBuilder();
    for (String id : IDS) {
      Exercise exercise = manifest.exercise(id).orElseThrow();
      List<Path> files = new ArrayList<>();
      files.add(ROOT.resolve(exercise.solutionPath()));
      files.add(ROOT.resolve(exercise.path()));
      files.addAll(corpus("right", id));
      files.addAll(corpus("wrong", id));
      for (Path file : files) {
        if (!selected(file)) {
          continue;
        }
        String text = Files.readString(file);
        if (text.contains("System.exit")) {
          log.append("\n== ").append(ROOT.relativize(file)).append(": ends the JVM, skipped\n");
          continue;
        }
        boolean shouldPass =
            text.startsWith("// RIGHT") || file.startsWith(ROOT.resolve("solutions"));
        int passed = 0;
        long slowest = 0;
        long total = 0;
        long cpu = 0;
        for (long seed = 0; seed < seeds; seed++) {
          long start = System.nanoTime();
          long cpuStart = processCpuNanos();
          GradeReport report = Grader.grade(exercise, file, QUIET, QUIET, seed);
          long took = System.nanoTime() - start;
          cpu += processCpuNanos() - cpuStart;
          slowest = Math.max(slowest, took);
          total += took;
          if (report.passed()) {
            passed++;
          }
          if (seed == 0 || report.passed() != shouldPass) {
            log.append("\n== ")
                .append(ROOT.relativize(file))
                .append(" seed ")
                .append(seed)
                .append(report.passed() ? ": PASS" : ": FAIL")
                .append('\n');
            report.problems().forEach(p -> log.append("  problem: ").append(p).append('\n'));
            for (CheckResult c : report.checks()) {
              log.append(c.passed() ? "  ok   " : "  FAIL ").append(c.name()).append('\n');
              if (!c.passed()) {
                c.message().lines().forEach(l -> log.append("        ").append(l).append('\n'));
              }
            }
          }
        }
        String line =
            String.format(
                "%s %s: passed %d of %d seeds; mean %.2f s (CPU %.2f s), slowest %.2f s",
                shouldPass ? "right" : "wrong",
                ROOT.relativize(file),
                passed,
                seeds,
                total / 1e9 / seeds,
                cpu / 1e9 / seeds,
                slowest / 1e9);
        log.append(line).append('\n');
        System.out.println(line);
        if (passed != (shouldPass ? seeds : 0)) {
          breaches.add(line);
        }
      }
    }
    Files.writeString(Path.of("target/corpus-seeds.txt"), log);
    assertEquals(List.of(), breaches);
  }

  /** CPU time of this whole JVM: on a loaded machine, a fairer cost than wall time. */
  private static long processCpuNanos() {
    return ProcessHandle.current()
        .info()
        .totalCpuDuration()
        .map(java.time.Duration::toNanos)
        .orElse(0L);
  }

  private static boolean selected(Path file) {
    String only = System.getProperty("gilbook.corpus.only", "");
    if (only.isEmpty()) {
      return true;
    }
    String name = file.getFileName().toString();
    return List.of(only.split(",")).stream().anyMatch(name::contains);
  }

  private static List<Path> corpus(String kind, String id) throws IOException {
    Path dir = ROOT.resolve("exercises/src/test/resources").resolve(kind).resolve(id);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".jsh"))
          .filter(p -> !p.getFileName().toString().startsWith("forge-"))
          .sorted()
          .toList();
    }
  }
}

package gilbook.exercises.verify;

import gilbook.exercises.grading.GradeReport;
import gilbook.exercises.grading.Grader;
import gilbook.exercises.manifest.Chapter;
import gilbook.exercises.manifest.Exercise;
import gilbook.exercises.manifest.Manifest;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The authoring contract every exercise must keep, as in rustlings' developer check: a TODO and at
 * least two hints; a solution at the mirrored path; a scenario for Run; every manifest entry on
 * disk; the stub fails its checks and the solution passes, each graded {@link #RUNS} times with
 * fresh seeds; and a corpus ({@link CorpusFile}) whose wrong files all fail and right files all
 * pass. Checked by {@code mvn verify} (corpus files graded once each) and by {@code gilbook verify
 * --repeat N} (N times each, with a fresh seed every time), so a grader whose verdict depends on
 * the seed shows itself.
 */
public final class AuthoringContract {
  /** How many times each stub and solution is graded to prove the verdict is stable. */
  public static final int RUNS = 5;

  static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

  private AuthoringContract() {}

  /**
   * Checks the workbook at {@code root}, reporting progress to {@code progress}.
   *
   * @return every breach, each saying what to fix; empty when the contract holds
   */
  public static List<String> verify(Path root, Consumer<String> progress) {
    return verify(root, progress, 1);
  }

  /**
   * Like {@link #verify(Path, Consumer)}, grading every corpus file {@code repeat} times (and each
   * stub and solution at least {@link #RUNS} times), each time with a fresh seed.
   */
  public static List<String> verify(Path root, Consumer<String> progress, int repeat) {
    return verify(root, progress, repeat, Set.of());
  }

  /**
   * Like {@link #verify(Path, Consumer, int)}, grading only the exercises named in {@code only}
   * (all of them when it is empty); the checks of the whole workbook (lessons, orphan files) still
   * run, since they cost next to nothing.
   *
   * @throws IllegalArgumentException if {@code only} names an exercise the manifest lacks
   */
  public static List<String> verify(
      Path root, Consumer<String> progress, int repeat, Set<String> only) {
    if (repeat < 1) {
      throw new IllegalArgumentException("repeat must be 1 or more, got " + repeat);
    }
    Manifest manifest = Manifest.load(root);
    List<String> unknown =
        only.stream().filter(id -> manifest.exercise(id).isEmpty()).sorted().toList();
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "no exercise "
              + String.join(", ", unknown)
              + " in "
              + Manifest.FILE
              + "; './gilbook list' shows the ids");
    }
    List<String> breaches = new ArrayList<>();
    for (Chapter chapter : manifest.chapters()) {
      if (!Files.isRegularFile(root.resolve(chapter.lesson()))) {
        breaches.add("chapter " + chapter.id() + ": lesson " + chapter.lesson() + " is missing");
      }
    }
    for (Exercise e : manifest.exercises()) {
      if (!only.isEmpty() && !only.contains(e.id())) {
        continue;
      }
      progress.accept("verifying " + e.id());
      breaches.addAll(checkFiles(root, e));
      breaches.addAll(ScenarioRule.check(e));
      if (Files.isRegularFile(stubFile(root, e))
          && Files.isRegularFile(root.resolve(e.solutionPath()))) {
        breaches.addAll(checkVerdicts(root, e, Math.max(RUNS, repeat)));
      }
      breaches.addAll(CorpusRule.check(root, e, repeat));
    }
    breaches.addAll(orphans(root, manifest));
    breaches.addAll(CorpusRule.orphans(root, manifest));
    return breaches;
  }

  /** Where the shipped stub of {@code e} lives in the source tree. */
  static Path stubFile(Path root, Exercise e) {
    return root.resolve("exercises/src/main/resources").resolve(e.stubResource());
  }

  private static List<String> checkFiles(Path root, Exercise e) {
    List<String> out = new ArrayList<>();
    Path stub = stubFile(root, e);
    if (!Files.isRegularFile(root.resolve(e.path()))) {
      out.add(
          e.id()
              + ": "
              + e.path()
              + " is missing; create it from the stub ('./gilbook reset "
              + e.id()
              + "') or fix the manifest's path");
    }
    if (!Files.isRegularFile(stub)) {
      out.add(e.id() + ": no shipped stub at " + root.relativize(stub));
    } else if (!read(stub).contains("TODO")) {
      out.add(
          e.id()
              + ": the stub "
              + root.relativize(stub)
              + " has no TODO marking the work; mark each place the learner must change with"
              + " // TODO");
    }
    if (!Files.isRegularFile(root.resolve(e.solutionPath()))) {
      out.add(e.id() + ": no solution at " + e.solutionPath() + " (it must mirror the exercise)");
    }
    if (e.hints().size() < 2) {
      out.add(
          e.id()
              + ": has "
              + e.hints().size()
              + " hint(s); give at least two levels in "
              + Manifest.FILE);
    }
    return out;
  }

  private static List<String> checkVerdicts(Path root, Exercise e, int runs) {
    List<String> out = new ArrayList<>();
    List<Boolean> stub = new ArrayList<>();
    List<Boolean> solution = new ArrayList<>();
    GradeReport passedStub = null;
    GradeReport failedSolution = null;
    for (int run = 0; run < runs; run++) {
      GradeReport st = Grader.grade(e, stubFile(root, e), QUIET, QUIET);
      stub.add(st.passed());
      if (st.passed() && passedStub == null) {
        passedStub = st;
      }
      GradeReport s = Grader.grade(e, root.resolve(e.solutionPath()), QUIET, QUIET);
      solution.add(s.passed());
      if (!s.passed() && failedSolution == null) {
        failedSolution = s;
      }
    }
    if (passedStub != null) {
      out.add(
          e.id()
              + ": the stub as shipped passes its checks (seed "
              + passedStub.seed()
              + "); leave work for the learner");
    }
    if (failedSolution != null) {
      out.add(
          e.id()
              + ": the solution fails its checks (seed "
              + failedSolution.seed()
              + "): "
              + summary(failedSolution)
              + "; fix the solution at "
              + e.solutionPath()
              + " (or the check, if the check is wrong)");
    }
    if (stub.stream().distinct().count() > 1 || solution.stream().distinct().count() > 1) {
      out.add(e.id() + ": the verdict changed between runs; a check depends on scheduling");
    }
    return out;
  }

  /** The first reason {@code report} failed, on one line. */
  static String summary(GradeReport report) {
    if (!report.problems().isEmpty()) {
      return report.problems().get(0).message();
    }
    return report.checks().stream()
        .filter(c -> !c.passed())
        .map(c -> c.name() + ": " + c.message().replace('\n', ' '))
        .findFirst()
        .orElse("stray threads " + report.strayThreads());
  }

  /** Exercise files on disk that the manifest does not list. */
  private static List<String> orphans(Path root, Manifest manifest) {
    List<String> out = new ArrayList<>();
    Path dir = root.resolve("exercises");
    try (Stream<Path> files = Files.walk(dir)) {
      files
          .filter(p -> p.toString().endsWith(".jsh"))
          .filter(p -> !p.startsWith(dir.resolve("src")) && !p.startsWith(dir.resolve("target")))
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .filter(rel -> manifest.exerciseAt(rel).isEmpty())
          .forEach(rel -> out.add(rel + " is not in the manifest; list it or remove it"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

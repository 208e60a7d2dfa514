package gilbook.exercises.grading;

import gilbook.exercises.harness.JShellHarness;
import gilbook.exercises.harness.LoadResult;
import gilbook.exercises.harness.Problem;
import gilbook.exercises.harness.SourceFile;
import gilbook.exercises.manifest.Exercise;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Grades one file against one exercise, in this JVM: read it, load it into JShell, bind it to the
 * contract, run the checks. Learner code can end the JVM it runs in, so the app calls this only
 * inside a child JVM (see {@code Worker}); the build's own tests call it directly on the shipped
 * stubs and solutions. Not thread-safe: one grading at a time per JVM.
 */
public final class Grader {
  private Grader() {}

  /** Grades with a fresh seed: the inputs differ from those of every earlier grading. */
  public static GradeReport grade(Exercise exercise, Path file, PrintStream out, PrintStream err) {
    return grade(exercise, file, out, err, Seed.fresh());
  }

  /** Grades with the inputs that {@code seed} gives (see {@link Seed}). */
  public static GradeReport grade(
      Exercise exercise, Path file, PrintStream out, PrintStream err, long seed) {
    try (JShellHarness harness = new JShellHarness(out, err)) {
      return grade(exercise, file, harness, seed);
    }
  }

  /**
   * Grades with a harness made in advance (a warm worker builds it while it waits for a job). The
   * harness must be fresh: nothing may have been loaded into it yet.
   */
  public static GradeReport grade(Exercise exercise, Path file, JShellHarness harness, long seed) {
    Seed.use(seed);
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    SourceFile.Result source = SourceFile.read(file, nextStep(exercise, file));
    if (source.failure().isPresent()) {
      return GradeReport.of(List.of(source.failure().get()), seed);
    }
    try {
      LoadResult loaded = harness.load(source.text());
      if (!loaded.ok()) {
        return GradeReport.of(loaded.problems(), seed);
      }
      Class<?> contract = load(exercise.contract());
      Optional<Problem> unbound = harness.bind(contract);
      if (unbound.isPresent()) {
        return GradeReport.of(List.of(unbound.get()), seed);
      }
      Submission.lineFinder(harness::learnerLine);
      List<CheckResult> results = CheckRunner.run(load(exercise.checks()));
      return new GradeReport(List.of(), results, strays(before), seed);
    } finally {
      Submission.lineFinder(t -> Optional.empty());
    }
  }

  /**
   * What to do about a file that cannot be graded: reset restores the exercise's own file, but not
   * one graded from elsewhere ({@code check --file}), which is the learner's to fix.
   */
  private static String nextStep(Exercise exercise, Path file) {
    return file.toAbsolutePath().normalize().endsWith(Path.of(exercise.path()))
        ? "Run './gilbook reset " + exercise.id() + "' to restore the exercise."
        : "Check the file you asked to grade.";
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(
          "the manifest names " + name + ", which is not on the class path; rebuild gilbook", e);
    }
  }

  /** Live non-daemon threads that were not there before: the learner's code left them running. */
  private static List<String> strays(Set<Thread> before) {
    List<String> out = new ArrayList<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (!before.contains(t) && t.isAlive() && !t.isDaemon()) {
        out.add(t.getName());
      }
    }
    return out;
  }
}

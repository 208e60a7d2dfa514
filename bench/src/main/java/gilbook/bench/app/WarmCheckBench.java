package gilbook.bench.app;

import gilbook.app.engine.CheckOutcome;
import gilbook.app.engine.Workbook;
import gilbook.exercises.manifest.Exercise;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Wall time of a warm check: the engine keeps a spare worker JVM ready (as {@code gilbook watch}
 * and the window do), and each check waits only for grading. Prints one line per check and the
 * median, as {@code warm-check-ms P50}.
 *
 * <p>Usage: {@code WarmCheckBench WORKBOOK_ROOT EXERCISE_ID RUNS}. The workbook should be a copy:
 * grading the learner's file records progress.
 */
public final class WarmCheckBench {
  private WarmCheckBench() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    String id = args[1];
    int runs = Integer.parseInt(args[2]);
    try (Workbook wb = Workbook.open(root)) {
      wb.useWarmWorkers();
      Exercise e = wb.exercise(id);
      Path solution = wb.solutionFile(e);
      List<Long> times = new ArrayList<>();
      for (int i = 0; i <= runs; i++) {
        // Let the spare worker finish starting, as it would while a learner types.
        Thread.sleep(1_500);
        long t0 = System.nanoTime();
        CheckOutcome o = wb.check(e, solution, null);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (!o.passed()) {
          throw new IllegalStateException("the solution of " + id + " did not pass: " + o);
        }
        if (i > 0) { // the first check starts the first spare
          times.add(ms);
          System.err.println("  warm check " + i + ": " + ms + " ms");
        }
      }
      Collections.sort(times);
      System.out.println("warm-check-ms " + times.get(times.size() / 2));
    }
  }
}

package gilbook.bench;

import gilbook.runtime.bytecode.CheckPointPolicy;
import gilbook.runtime.bytecode.DisRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Benchmark e: bytecodes per second of the dis-listing VM on one thread in virtual time, against
 * this machine's CPython running the same function. CPython writes the listing it runs, so both
 * sides execute the very same bytecodes; the count comes from the VM, and CPython's rate is that
 * count over its own time. We expect to be slower; the figure records by how much.
 */
final class BytecodeRateBench {
  private static final int ITERATIONS = 200_000;

  private final Budget budget;
  private final CPython cpython;

  BytecodeRateBench(Budget budget, CPython cpython) {
    this.budget = budget;
    this.cpython = cpython;
  }

  void run(Report report) {
    String figure = "e. bytecodes per second, reward-counter loop, 1 thread";
    if (cpython == null) {
      report.skip(figure);
      return;
    }
    Path listing;
    try {
      listing = Files.createTempFile("gilbook-bench", ".dis");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int iterations = budget.rounds() <= 2 ? ITERATIONS / 10 : ITERATIONS;
    Map<String, Double> out =
        cpython.runScript(
            "bytecode_rate.py",
            300,
            Integer.toString(iterations),
            Integer.toString(budget.rounds()),
            listing.toString());
    String text;
    try {
      text = Files.readString(listing);
      Files.deleteIfExists(listing);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    double[] rates = new double[budget.rounds()];
    long bytecodes = 0;
    for (int r = -1; r < rates.length; r++) { // round -1 warms up the JIT
      long t0 = System.nanoTime();
      DisRun.Result result =
          DisRun.builder(text) // dis.dis(f) prints one function with no header: the default entry
              .threads(1)
              .args(
                  Map.of(
                      "stat",
                      Map.of("piece_count", 0L, "reward_count", 0L),
                      "N",
                      (long) iterations))
              .policy(CheckPointPolicy.PY_311)
              .jitter(0)
              .run();
      long elapsed = System.nanoTime() - t0;
      bytecodes = result.instructions();
      if (r >= 0) {
        rates[r] = bytecodes / (elapsed / 1e9);
      }
    }
    double ours = Stats.median(rates);
    double theirs = bytecodes / (out.get("median_ns") / 1e9);
    report.add(figure + ", ours (virtual clock)", Units.perSecond(ours), ours, Target.none());
    report.add(figure + ", CPython", Units.perSecond(theirs), theirs, Target.none());
    report.add(figure + ", ours/CPython", Units.ratio(ours / theirs), ours / theirs, Target.none());
  }
}

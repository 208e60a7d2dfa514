package gilbook.bench;

import gilbook.runtime.bytecode.CheckPointPolicy;
import gilbook.runtime.bytecode.DisRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Benchmark c(iii): lost updates on a read / WINDOW / write loop over a global counter, 4 threads
 * at a 1 us switch interval, the dis-listing VM (policy 3.11) against this machine's CPython. Each
 * window is one line between {@code c = counter} and {@code counter = c + 1}: nothing, a forward
 * {@code if}, {@code len(items)}, {@code items.append(i)}, {@code abs(c)} and a Python call.
 * CPython writes the listing of each loop ({@code bench/python/lost_updates.py}), so the VM runs
 * the very bytecodes CPython ran. The figures are counts, not times: the VM side runs on a virtual
 * clock and is the same for the same seed on any machine.
 */
final class LostUpdatesBench {
  static final int THREADS = 4;
  private static final double LOSSY = 0.01; // a window "loses updates" above 1 % of them

  /** The windows, in the script's order, with how the table names them. */
  private static final Map<String, String> WINDOWS = new LinkedHashMap<>();

  static {
    WINDOWS.put("nothing", "nothing");
    WINDOWS.put("if", "if c < 0: (forward jump)");
    WINDOWS.put("len", "len(items)");
    WINDOWS.put("append", "items.append(i)");
    WINDOWS.put("abs", "abs(c)");
    WINDOWS.put("pycall", "f(c), a Python function");
  }

  private final Budget budget;
  private final CPython cpython;

  LostUpdatesBench(Budget budget, CPython cpython) {
    this.budget = budget;
    this.cpython = cpython;
  }

  void run(Report report) {
    int n = budget.lostUpdateIterations();
    int runs = budget.lostUpdateRuns();
    int seeds = budget.lostUpdateSeeds();
    String figure =
        String.format(
            Locale.ROOT, "c. updates lost of %,d, %d threads at 1 us", THREADS * n, THREADS);
    if (cpython == null) {
      report.skip(figure + " (VM against CPython)");
      return;
    }
    Path dir;
    try {
      dir = Files.createTempDirectory("gilbook-lost-updates");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      Map<String, Double> py =
          cpython.runScript(
              "lost_updates.py",
              600,
              Integer.toString(THREADS),
              Integer.toString(n),
              Integer.toString(runs),
              dir.toString());
      int agree = 0;
      int compared = 0;
      for (Map.Entry<String, String> w : WINDOWS.entrySet()) {
        double[] theirs = new double[runs];
        for (int r = 0; r < runs; r++) {
          theirs[r] = py.get(w.getKey() + "." + r);
        }
        String name = figure + ", window " + w.getValue();
        report.add(name + ", CPython", spread(theirs), Stats.median(theirs), Target.none());
        Progress.say("  " + w.getKey() + ": CPython " + spread(theirs));
        String listing = Files.readString(dir.resolve("window_" + w.getKey() + ".dis"));
        double[] ours = new double[seeds];
        String error = null;
        long t0 = System.nanoTime();
        for (int s = 1; s <= seeds && error == null; s++) {
          try {
            DisRun.Result result = vm(listing, n, s);
            if (!result.errors().isEmpty()) {
              error = result.errors().values().iterator().next();
            } else {
              long counter = ((Number) result.globals().get("counter")).longValue();
              ours[s - 1] = THREADS * (long) n - counter;
            }
          } catch (RuntimeException e) { // a listing the VM refuses, or a VM bug on the error path
            String m = String.valueOf(e.getMessage());
            error = m.length() > 160 ? m.substring(0, 160) + "..." : m;
          }
        }
        if (error != null) {
          report.skip(name + ", VM");
          report.note("c. window " + w.getValue() + ": the VM cannot run it yet (" + error + ").");
          Progress.say("  " + w.getKey() + ": VM cannot run it: " + error);
          continue;
        }
        report.add(
            name + ", VM (" + (seeds == 1 ? "seed 1" : "seeds 1.." + seeds) + ")",
            spread(ours),
            Stats.median(ours),
            Target.none());
        Progress.say(
            String.format(
                Locale.ROOT,
                "  %s: VM %s, %.1f s",
                w.getKey(),
                spread(ours),
                (System.nanoTime() - t0) / 1e9));
        compared++;
        boolean theyLose = Stats.median(theirs) > LOSSY * THREADS * n;
        boolean weLose = Stats.median(ours) > LOSSY * THREADS * n;
        if (theyLose == weLose) {
          agree++;
        }
      }
      report.add(
          "c. lost updates: windows where the VM and CPython agree (both medians over 1 % of the"
              + " updates, or both under)",
          agree + " of " + compared, agree - compared, Target.atLeast(0, "all"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      delete(dir);
    }
  }

  private static DisRun.Result vm(String listing, int n, long seed) {
    return DisRun.builder(listing)
        .entry("work")
        .threads(THREADS)
        .args(Map.of("N", (long) n))
        .globals(Map.of("counter", 0L, "items", List.of(7L)))
        .policy(CheckPointPolicy.PY_311)
        .switchInterval(Duration.ofNanos(1_000))
        .seed(seed)
        .instructionBudget(Long.MAX_VALUE)
        .run();
  }

  /** {@code median M (LOW to HIGH, K runs)}, in whole updates. */
  private static String spread(double[] v) {
    double lo = Arrays.stream(v).min().orElse(Double.NaN);
    double hi = Arrays.stream(v).max().orElse(Double.NaN);
    return String.format(
        Locale.ROOT,
        "median %,.0f (%,.0f to %,.0f, %d run%s)",
        Stats.median(v),
        lo,
        hi,
        v.length,
        v.length == 1 ? "" : "s");
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : new ArrayList<>(files.toList())) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }
}

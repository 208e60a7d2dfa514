package gilbook.bench;

import java.time.Duration;
import java.util.Locale;
import java.util.function.DoubleFunction;
import java.util.function.DoubleSupplier;

/**
 * One of our real-mode figures measured beside the same figure on CPython, in alternating rounds,
 * and judged by their ratio. Not thread-safe.
 */
final class Fidelity {
  /** Ours may be 10% either side of CPython's. */
  static final Target RATIO = Target.between(0.9, 1.1, "0.9 to 1.1");

  // Disturbed rounds measured again, per comparison, and how long each retry waits for the other
  // process to finish: together they keep a run on a busy machine within about a minute more.
  private static final int RETRIES = 2;
  private static final Duration QUIET_WAIT = Duration.ofSeconds(5);

  private final String figure;
  private double ours;
  private double cpython = Double.NaN;
  private double busiestCores = Double.NaN;
  private int rounds;
  private int disturbedRounds;

  Fidelity(String figure) {
    this.figure = figure;
  }

  /**
   * Measures both sides, {@code rounds} times each, and keeps the median of each side's rounds.
   * Rounds alternate, so a busy spell on the machine hits both sides rather than one; a round
   * during which another process kept a core busy is measured again, once the machine is quiet, a
   * bounded number of times.
   *
   * @param oursNanos one round of our side, in nanoseconds
   * @param cpythonNanos one round of CPython's side, or {@code null} if there is no CPython
   */
  Fidelity measure(int rounds, DoubleSupplier oursNanos, DoubleSupplier cpythonNanos) {
    double[] mine = new double[rounds];
    double[] theirs = new double[rounds];
    int retriesLeft = RETRIES;
    for (int r = 0; r < rounds; r++) {
      double cores = round(r, oursNanos, cpythonNanos, mine, theirs);
      while (MachineLoad.disturbed(cores) && retriesLeft > 0) {
        retriesLeft--;
        Progress.say("another process was busy during that round; measuring it again");
        if (!MachineLoad.awaitQuiet(QUIET_WAIT)) {
          Progress.say("the machine is still busy after " + QUIET_WAIT.toSeconds() + " s");
        }
        cores = round(r, oursNanos, cpythonNanos, mine, theirs);
      }
      busiestCores = max(busiestCores, cores);
      if (MachineLoad.disturbed(cores)) {
        disturbedRounds++;
      }
    }
    this.rounds = rounds;
    ours = Stats.median(mine);
    if (cpythonNanos != null) {
      cpython = Stats.median(theirs);
    }
    return this;
  }

  /** Measures round {@code r} of each side; returns the most cores the machine kept busy. */
  private double round(
      int r,
      DoubleSupplier oursNanos,
      DoubleSupplier cpythonNanos,
      double[] mine,
      double[] theirs) {
    MachineLoad before = MachineLoad.now();
    mine[r] = oursNanos.getAsDouble();
    double cores = before.busyCoresSince();
    String line = "ours " + Units.duration(mine[r]) + " (" + Units.cores(cores) + " cores busy)";
    if (cpythonNanos != null) {
      before = MachineLoad.now();
      theirs[r] = cpythonNanos.getAsDouble();
      double theirCores = before.busyCoresSince();
      line += ", CPython " + Units.duration(theirs[r]) + " (" + Units.cores(theirCores) + ")";
      cores = max(cores, theirCores);
    }
    Progress.say(figure + ", round " + (r + 1) + ": " + line);
    return cores;
  }

  private static double max(double a, double b) {
    return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.max(a, b);
  }

  /**
   * Adds three rows, ours, CPython's and ours/CPython, and on a miss a note with the likely cause.
   * Without a CPython, adds our row and a skipped one.
   *
   * @param cause the likely cause of a miss, in one line, given the ratio
   */
  void addTo(Report report, DoubleFunction<String> cause) {
    report.add(figure + ", ours", Units.duration(ours), ours, Target.none());
    report.machineLoad(rounds, disturbedRounds, busiestCores);
    if (2 * disturbedRounds >= rounds) {
      report.note(
          figure
              + ": "
              + disturbedRounds
              + " of "
              + rounds
              + " rounds ran while another process kept a core busy, so the median may be"
              + " disturbed; rerun when the machine is idle.");
    }
    if (Double.isNaN(cpython)) {
      report.skip(figure + ", CPython");
      return;
    }
    report.add(figure + ", CPython", Units.duration(cpython), cpython, Target.none());
    double ratio = ours / cpython;
    if (!report.add(figure + ", ours/CPython", Units.ratio(ratio), ratio, RATIO)) {
      report.note(
          String.format(
              Locale.ROOT,
              "%s: MISS (ratio %s). Likely cause: %s",
              figure,
              Units.ratio(ratio),
              cause.apply(ratio)));
    }
  }
}

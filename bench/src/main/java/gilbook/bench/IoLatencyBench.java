package gilbook.bench;

import gilbook.runtime.Interpreter;
import gilbook.runtime.Work;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Benchmark c(ii), the convoy effect: the round trip of {@code time.sleep(0)} in a thread beside a
 * CPU-bound thread, ours in real mode against this machine's CPython, at the 5 ms interval. The
 * round trip alone is measured too, because it decides who wins the GIL back.
 */
final class IoLatencyBench {
  private static final int INTERVAL_MS = 5;
  // The first round trips may run before the CPU-bound thread does; CPython's script skips as many.
  private static final int WARM_UP_SAMPLES = 5;
  private static final double ALONE_SECONDS = 0.2;
  private static final String FIGURE =
      "c. median time.sleep(0) round trip beside a CPU-bound thread, 5 ms interval";
  private static final String ALONE = "c. median time.sleep(0) round trip alone";

  private final Budget budget;
  private final CPython cpython;

  /** {@code cpython} may be {@code null}: then only our side is measured. */
  IoLatencyBench(Budget budget, CPython cpython) {
    this.budget = budget;
    this.cpython = cpython;
  }

  void run(Report report) {
    double seconds = budget.fidelitySeconds();
    oursMedian(Math.min(0.3, seconds), true); // warms up the JIT
    double oursAlone = oursMedian(ALONE_SECONDS, false);
    double cpythonAlone = cpython == null ? Double.NaN : cpythonMedian(ALONE_SECONDS, false);
    Fidelity beside =
        new Fidelity(FIGURE)
            .measure(
                budget.fidelityRounds(),
                () -> oursMedian(seconds, true),
                cpython == null ? null : () -> cpythonMedian(seconds, true));
    beside.addTo(report, ratio -> cause(ratio, oursAlone, cpythonAlone));
    report.add(ALONE + ", ours", Units.duration(oursAlone), oursAlone, Target.none());
    if (cpython != null) {
      report.add(ALONE + ", CPython", Units.duration(cpythonAlone), cpythonAlone, Target.none());
    }
  }

  /**
   * Our median round trip of {@code Work.sleep(Duration.ZERO)}, timed inside the I/O thread, with
   * or without a CPU-bound thread beside it.
   */
  private static double oursMedian(double seconds, boolean withCpuThread) {
    try (Interpreter interp = Interpreters.real(Duration.ofMillis(INTERVAL_MS), 1_000_000)) {
      AtomicBoolean ioDone = new AtomicBoolean();
      long[][] samples = new long[1][];
      if (withCpuThread) {
        interp.start("cpu", () -> CpuBound.spin(() -> !ioDone.get()));
      }
      interp.start(
          "io",
          () -> {
            try {
              samples[0] = roundTrips(seconds);
            } finally {
              ioDone.set(true);
            }
          });
      Interpreters.await(interp);
      return Stats.median(samples[0]);
    }
  }

  private static long[] roundTrips(double seconds) {
    long[] trips = new long[1024];
    int n = 0;
    long deadline = System.nanoTime() + (long) (seconds * 1e9);
    while (System.nanoTime() - deadline < 0) {
      long t0 = System.nanoTime();
      Work.sleep(Duration.ZERO);
      long trip = System.nanoTime() - t0;
      if (n == trips.length) {
        trips = Arrays.copyOf(trips, 2 * n);
      }
      trips[n++] = trip;
    }
    return Arrays.copyOfRange(trips, Math.min(WARM_UP_SAMPLES, n), n);
  }

  private double cpythonMedian(double seconds, boolean withCpuThread) {
    return cpython
        .runScript(
            "io_latency.py",
            60 + (long) (4 * seconds),
            Integer.toString(INTERVAL_MS),
            Double.toString(seconds),
            withCpuThread ? "beside" : "alone")
        .get("median_ns");
  }

  private static String cause(double ratio, double oursAlone, double cpythonAlone) {
    if (ratio < 1 && oursAlone < cpythonAlone / 10) {
      return "alone, our Work.sleep(Duration.ZERO) returns in "
          + Units.duration(oursAlone)
          + " but CPython's time.sleep(0) takes "
          + Units.duration(cpythonAlone)
          + " (it sleeps in the kernel). In that gap CPython's woken CPU-bound thread takes the"
          + " GIL; our CPU-bound thread is still waking up when our I/O thread takes the GIL"
          + " straight back, so most of our round trips never wait for the interval.";
    }
    return (ratio < 1 ? "CPython's" : "our")
        + " I/O thread got the GIL back late more often in this run (a late wake-up, or a busy"
        + " machine); check the rounds on stderr and the machine load below, and rerun when idle.";
  }
}

package gilbook.bench;

import gilbook.runtime.Interpreter;
import gilbook.runtime.Trace;
import java.time.Duration;
import java.util.List;

/**
 * Benchmark c(i): how long one of two CPU-bound threads holds the GIL before a switch, ours in real
 * mode against this machine's CPython, at two switch intervals.
 */
final class SwitchCadenceBench {
  private static final int[] INTERVALS_MS = {5, 1};

  private final Budget budget;
  private final CPython cpython;

  /** {@code cpython} may be {@code null}: then only our side is measured. */
  SwitchCadenceBench(Budget budget, CPython cpython) {
    this.budget = budget;
    this.cpython = cpython;
  }

  void run(Report report) {
    for (int ms : INTERVALS_MS) {
      Duration interval = Duration.ofMillis(ms);
      double seconds = budget.fidelitySeconds();
      oursMedian(interval, Math.min(0.3, seconds)); // warms up the JIT
      new Fidelity("c. median run of 2 CPU-bound threads, " + ms + " ms interval")
          .measure(
              budget.fidelityRounds(),
              () -> oursMedian(interval, seconds),
              cpython == null ? null : () -> cpythonMedian(ms, seconds))
          .addTo(report, SwitchCadenceBench::cause);
    }
  }

  /** Our median hold, leaving out the first hold (thread start) and the last (thread exit). */
  private static double oursMedian(Duration interval, double seconds) {
    try (Interpreter interp = Interpreters.real(interval, 1_000_000)) {
      long deadline = System.nanoTime() + (long) (seconds * 1e9);
      interp.start("A", () -> CpuBound.spinUntil(deadline));
      interp.start("B", () -> CpuBound.spinUntil(deadline));
      Interpreters.await(interp);
      if (interp.trace().droppedEvents() > 0) {
        throw new IllegalStateException("the trace overflowed; raise its capacity");
      }
      List<Trace.Hold> holds = interp.trace().holds();
      if (holds.size() < 3) {
        throw new IllegalStateException(
            "only " + holds.size() + " holds in " + seconds + " s; the threads never switched");
      }
      return Stats.median(
          holds.subList(1, holds.size() - 1).stream().mapToDouble(Trace.Hold::length).toArray());
    }
  }

  private double cpythonMedian(int ms, double seconds) {
    return cpython
        .runScript(
            "switch_cadence.py",
            60 + (long) (4 * seconds),
            Integer.toString(ms),
            Double.toString(seconds))
        .get("median_ns");
  }

  private static String cause(double ratio) {
    return (ratio < 1 ? "CPython's" : "our")
        + " threads switched late more often in this run. When another process keeps a core"
        + " busy, both threads share the other one and switch only on the kernel's scheduler"
        + " tick; check the rounds on stderr and the machine load below, and rerun when idle.";
  }
}

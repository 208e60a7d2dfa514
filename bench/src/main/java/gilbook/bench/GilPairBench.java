package gilbook.bench;

import gilbook.runtime.GilLock;
import gilbook.runtime.Interpreter;
import gilbook.runtime.NativeFunction;
import gilbook.runtime.PyThreadState;
import gilbook.runtime.Work;
import java.time.Duration;

/**
 * Benchmark a: what an uncontended take and drop of the GIL costs, first on the raw {@code Gil},
 * then through the interpreter with its checks and trace events.
 */
final class GilPairBench {
  private static final Target RAW_TARGET = Target.atMost(100, "<= 100 ns");

  // A native call that releases the GIL and costs nothing: the interpreter drops and re-takes the
  // GIL around it with all its checks and trace events, and does nothing else. Work.sleep(ZERO)
  // would do the same but also blocks once in the kernel, as a real sleep does, and that wait
  // would swamp what this line measures.
  private static final NativeFunction RELEASES_GIL_FOR_NOTHING =
      new NativeFunction("bench.release_gil", 0, 0, 0);

  private final Budget budget;

  GilPairBench(Budget budget) {
    this.budget = budget;
  }

  void run(Report report) {
    MachineLoad before = MachineLoad.now();
    double raw = Stats.median(rawRounds());
    report.add(
        "a. takeGil + dropGil, uncontended, raw Gil (real clock), per pair",
        Units.nanos(raw),
        raw,
        RAW_TARGET);
    double traced = Stats.median(tracedRounds());
    report.add(
        "a. drop + re-take through the interpreter, traced (zero-cost native call), per call",
        Units.nanos(traced),
        traced,
        Target.none());
    report.noteIfDisturbed("a.", before.busyCoresSince());
  }

  /** Nanoseconds per pair, one value per round, all in one Python thread. */
  private double[] rawRounds() {
    double[] perPair = new double[budget.rounds()];
    try (Interpreter interp = Interpreters.real(Duration.ofMillis(5), 1_000)) {
      interp.start(
          "bench",
          () -> {
            PyThreadState ts = PyThreadState.get();
            GilLock gil = interp.gil();
            // The thread starts holding the GIL; the pairs below need it free.
            gil.dropGil(ts);
            try {
              pairs(gil, ts, budget.gilPairs()); // warm-up, so the JIT has compiled both paths
              for (int r = 0; r < perPair.length; r++) {
                long t0 = System.nanoTime();
                pairs(gil, ts, budget.gilPairs());
                perPair[r] = (double) (System.nanoTime() - t0) / budget.gilPairs();
              }
            } finally {
              // The interpreter's thread wrapper drops the GIL when the body returns.
              gil.takeGil(ts);
            }
          });
      Interpreters.await(interp);
    }
    return perPair;
  }

  private static void pairs(GilLock gil, PyThreadState ts, int n) {
    for (int i = 0; i < n; i++) {
      gil.takeGil(ts);
      gil.dropGil(ts);
    }
  }

  /** Nanoseconds per GIL-releasing native call, one value per round. */
  private double[] tracedRounds() {
    int calls = budget.tracedCalls();
    double[] perCall = new double[budget.rounds()];
    for (int r = -1; r < perCall.length; r++) { // round -1 warms up the JIT
      // A fresh interpreter per round, with room for every event (drop, cpu, take request,
      // take): each call then records its events as a normal run does, instead of only counting
      // them once the trace is full.
      try (Interpreter interp = Interpreters.real(Duration.ofMillis(5), 4 * calls + 100)) {
        double[] out = new double[1];
        interp.start(
            "bench",
            () -> {
              long t0 = System.nanoTime();
              for (int i = 0; i < calls; i++) {
                Work.call(RELEASES_GIL_FOR_NOTHING, 1);
              }
              out[0] = (double) (System.nanoTime() - t0) / calls;
            });
        Interpreters.await(interp);
        if (r >= 0) {
          perCall[r] = out[0];
        }
      }
    }
    return perCall;
  }
}

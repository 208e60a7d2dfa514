package gilbook.bench;

import gilbook.runtime.Eval;
import gilbook.runtime.Interpreter;
import java.time.Duration;

/**
 * Benchmark b: how many simulated instructions one thread runs per second of real time, in virtual
 * and in real mode.
 */
final class InstructionRateBench {
  private static final Target VIRTUAL_TARGET = Target.atLeast(5e6, ">= 5 M/s");

  private final Budget budget;

  InstructionRateBench(Budget budget) {
    this.budget = budget;
  }

  void run(Report report) {
    MachineLoad before = MachineLoad.now();
    double virtual = Stats.median(rates(true));
    report.add(
        "b. instructions per second, virtual clock, 1 thread",
        Units.perSecond(virtual),
        virtual,
        VIRTUAL_TARGET);
    double real = Stats.median(rates(false));
    report.add(
        "b. instructions per second, real clock, 1 thread",
        Units.perSecond(real),
        real,
        Target.none());
    report.noteIfDisturbed("b.", before.busyCoresSince());
  }

  /** Instructions per real second, one value per round. */
  private double[] rates(boolean virtual) {
    double[] rates = new double[budget.rounds()];
    for (int r = -1; r < rates.length; r++) { // round -1 warms up the JIT
      try (Interpreter interp =
          virtual
              ? Interpreters.virtual(r + 1, 1_000)
              : Interpreters.real(Duration.ofMillis(5), 1_000)) {
        long[] elapsed = new long[1];
        interp.start(
            "bench",
            () -> {
              long t0 = System.nanoTime();
              // for i in range(n): pass -> one instruction and one back edge per iteration
              Eval.loop(budget.loopIterations(), i -> Eval.instruction());
              elapsed[0] = System.nanoTime() - t0;
            });
        Interpreters.await(interp);
        long instructions = interp.threadStats("bench").instructions();
        if (r >= 0) {
          rates[r] = instructions / (elapsed[0] / 1e9);
        }
      }
    }
    return rates;
  }
}

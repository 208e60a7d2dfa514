package gilbook.bench;

import gilbook.runtime.NativeFunction;
import java.util.Map;

/**
 * Benchmark d: what {@code hashlib.sha256} costs per byte on this machine's CPython, beside the
 * cost the runtime's {@link NativeFunction#SHA256} model charges for the same buffer.
 */
final class Sha256CostBench {
  /** The model may be 10% either side of the measured cost, like the fidelity figures. */
  private static final Target RATIO = Target.between(0.9, 1.1, "0.9 to 1.1");

  // A miss by less than this factor is more likely drift than a model from another machine.
  private static final double DRIFT = 1.33;

  private final Budget budget;
  private final CPython cpython;

  /** {@code cpython} may be {@code null}: then the benchmark is skipped. */
  Sha256CostBench(Budget budget, CPython cpython) {
    this.budget = budget;
    this.cpython = cpython;
  }

  void run(Report report) {
    String figure = "d. hashlib.sha256, " + budget.sha256Mib() + " MiB buffers";
    long bytes = budget.sha256Mib() * 1024L * 1024L;
    double model = (double) NativeFunction.SHA256.costNanos(bytes) / bytes;
    if (cpython == null) {
      report.add(figure + ", model", Units.nanosPerByte(model), model, Target.none());
      report.skip(figure + ", CPython");
      return;
    }
    Map<String, Double> out =
        cpython.runScript(
            "sha256_cost.py",
            120,
            Integer.toString(budget.sha256Mib()),
            Integer.toString(budget.sha256Repeats()));
    double measured = out.get("median_ns_per_byte");
    report.add(figure + ", CPython", Units.nanosPerByte(measured), measured, Target.none());
    report.add(
        figure + ", model NativeFunction.SHA256", Units.nanosPerByte(model), model, Target.none());
    double ratio = model / measured;
    if (!report.add(figure + ", model/CPython", Units.ratio(ratio), ratio, RATIO)) {
      report.note(
          figure
              + ": MISS. The model charges "
              + Units.nanosPerByte(model)
              + " but this machine's CPython hashes at "
              + Units.nanosPerByte(measured)
              + ". Likely cause: "
              + cause(ratio));
    }
  }

  private static String cause(double ratio) {
    return ratio >= 1 / DRIFT && ratio <= DRIFT
        ? "hashing speed drifts from run to run on a shared or virtual machine, and the model's"
            + " constant is one earlier measurement; rerun a few times to see the spread before"
            + " changing it."
        : "the model's constant did not come from this machine; OpenSSL's SHA-256 speed varies"
            + " several-fold from one CPU to another (SHA extensions or not).";
  }
}

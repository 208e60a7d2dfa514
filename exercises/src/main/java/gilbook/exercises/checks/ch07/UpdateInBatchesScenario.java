package gilbook.exercises.checks.ch07;

import gilbook.exercises.contract.UpdateInBatches;
import gilbook.exercises.grading.ExerciseScenario;
import gilbook.exercises.grading.Seed;
import gilbook.exercises.grading.Submission;
import gilbook.runtime.GilWaits;
import java.io.PrintStream;
import java.util.SplittableRandom;

/**
 * What Run shows for "Update in place, in batches": the learner's function called once on a tight
 * {@link BatchPlan} (a small target, slow items) beside the busy {@link Server}, with the server's
 * waits, their 99th percentile, and the call's time next to the checks' bound. One interpreter;
 * nothing is graded. Not thread-safe.
 */
public final class UpdateInBatchesScenario implements ExerciseScenario {
  public UpdateInBatchesScenario() {}

  @Override
  public void run(PrintStream out) {
    SplittableRandom random = Seed.random("ch07 update-in-place-batched: run");
    BatchPlan plan = BatchPlan.tight(random);
    long[] numbers = Ch07Inputs.ints(random, plan.size());
    out.printf(
        "numbers = a list of %,d ints, batching.target() = %d µs, batching.itemCost() = %d µs%n",
        plan.size(), plan.targetNanos() / 1_000, plan.itemNanos() / 1_000);
    out.println(
        "Python calls update_in_place_batched(numbers) on thread '"
            + Extension.THREAD
            + "'. Beside it, thread '"
            + Server.THREAD
            + "' is "
            + plan.server().describe()
            + ".");
    try {
      UpdateInBatches learner = Submission.get(UpdateInBatches.class);
      GilWaits waits = new GilWaits();
      Extension.Outcome o =
          Extension.on(numbers)
              .with(Server.THREAD, plan.server()::apply)
              .listening(waits)
              .run(
                  "update_in_place_batched",
                  (py, list) -> learner.apply(py, list, plan.batching()));
      out.println(
          o.raised() == null
              ? "update_in_place_batched returned."
              : "update_in_place_batched raised " + Raised.describe(o.raised()));
      RunReport.print(out, o, "batching.compute");
      long[] w = waits.of(Server.THREAD);
      out.printf(
          "Thread %s waited for the GIL %s: 99th percentile %s, longest %s (target %d µs).%n",
          Server.THREAD,
          UpdateInBatchesChecks.times(w.length),
          UpdateInBatchesChecks.span(waits.percentile(Server.THREAD, 99)),
          UpdateInBatchesChecks.span(waits.percentile(Server.THREAD, 100)),
          plan.targetNanos() / 1_000);
      var ext = o.extension();
      out.printf(
          "The call took %.1f ms for %.1f ms of computation (the checks allow %.1f ms).%n",
          (ext.ended() - ext.started()) / 1e6, plan.computeNanos() / 1e6, plan.boundNanos() / 1e6);
    } catch (RuntimeException | AssertionError e) {
      RunReport.stopped(out, e);
    }
  }
}

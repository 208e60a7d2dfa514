package gilbook.exercises.checks.ch07;

import gilbook.exercises.contract.PrimeFactors;
import gilbook.exercises.grading.ExerciseScenario;
import gilbook.exercises.grading.Seed;
import gilbook.exercises.grading.Submission;
import gilbook.runtime.PyDict;
import java.io.PrintStream;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What Run shows for "Compute prime factors": the learner's function called once on a list of six
 * ints, beside a busy Python thread, while another thread removes the last two items in the middle
 * of the factoring. One interpreter; nothing is graded. Not thread-safe.
 */
public final class ComputePrimeFactorsScenario implements ExerciseScenario {
  private static final int SIZE = 6;

  public ComputePrimeFactorsScenario() {}

  @Override
  public void run(PrintStream out) {
    SplittableRandom random = Seed.random("ch07 compute-prime-factors: run");
    long[] numbers = ComputePrimeFactorsChecks.values(Ch07Inputs.factoredInts(random, SIZE));
    Busy busy = Busy.draw(random);
    Shrink shrink = new Shrink(SIZE, 3, 2, 500_000);
    out.println("numbers = " + java.util.Arrays.toString(numbers));
    out.println(
        "Python calls compute_prime_factors(numbers) on thread '"
            + Extension.THREAD
            + "'. Beside it, thread '"
            + Busy.THREAD
            + "' is "
            + busy.describe()
            + ", and thread '"
            + Shrink.THREAD
            + "' waits until Expensive.primeFactors has run "
            + shrink.during()
            + " times, then removes the last "
            + shrink.count()
            + " items.");
    try {
      PrimeFactors learner = Submission.get(PrimeFactors.class);
      AtomicReference<FactorDict> dict = new AtomicReference<>(FactorDict.NONE);
      Extension.Outcome o =
          Extension.on(numbers)
              .with(Busy.THREAD, busy::apply)
              .with(Shrink.THREAD, shrink::apply)
              .run(
                  "compute_prime_factors",
                  (py, list) -> {
                    PyDict result = learner.compute(py, list);
                    dict.set(FactorDict.read(result));
                    if (result != null) {
                      result.decref();
                    }
                  });
      if (o.raised() != null) {
        out.println("compute_prime_factors raised " + Raised.describe(o.raised()));
      } else if (!dict.get().returned()) {
        out.println("compute_prime_factors returned null.");
      } else {
        out.println(
            "compute_prime_factors returned "
                + dict.get().toPython()
                + (dict.get().otherKeys() > 0
                    ? " and " + dict.get().otherKeys() + " keys that are not ints"
                    : "")
                + " (refcount "
                + dict.get().refcnt()
                + ")");
      }
      out.println("numbers is now " + o.after());
      RunReport.print(out, o, "Expensive.primeFactors");
    } catch (RuntimeException | AssertionError e) {
      RunReport.stopped(out, e);
    }
  }
}

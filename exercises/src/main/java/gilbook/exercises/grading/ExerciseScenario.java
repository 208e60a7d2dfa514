package gilbook.exercises.grading;

import java.io.PrintStream;

/**
 * What Run on an exercise does: the scenario its checks use, run once on the learner's code without
 * grading it, so the learner can watch what their code does to the GIL before pressing Check.
 *
 * <p>An implementation has a public no-argument constructor and is named in the manifest's {@code
 * scenario:}. It reaches the learner's code through {@link Submission#get}, draws its inputs from
 * {@link Seed#random} (Run sets a fixed seed, so Run shows the same thing every time), and builds
 * exactly one interpreter, whose GIL summary and timeline Run shows. It judges nothing: it prints
 * what happened (the inputs, what the learner's code returned or raised) and returns normally, also
 * when the learner's code fails.
 */
public interface ExerciseScenario {
  /** The seed Run uses: fixed, so every Run of the same code shows the same timeline. */
  long RUN_SEED = 2026;

  /** Runs the scenario on the bound learner code; {@code out} is the learner's console. */
  void run(PrintStream out);
}

package gilbook.exercises.checks.ch08;

import gilbook.exercises.grading.Inputs;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The inputs of one run of "Shut down from another thread": an {@link EmbedPlan} (workers, items,
 * the host's work, when each worker starts, the scheduler's ties) and how long the exit handler's
 * thread takes to start once {@code host.exit()} is called. Immutable.
 *
 * @param embed the workers' side of the run
 * @param exitDelay nanoseconds from {@code host.exit()} to the first exit handler's start
 */
record ShutdownPlan(EmbedPlan embed, long exitDelay) {
  static final long MAX_EXIT_DELAY = 2_000_000;

  /** The sum of every int the workers append: what Main appends last. */
  long total() {
    long sum = 0;
    for (int w = 0; w < embed.workers(); w++) {
      for (int i = 0; i < embed.items(); i++) {
        sum += EmbedPlan.value(w, i);
      }
    }
    return sum;
  }

  /** The inputs in words, for messages. */
  String describe() {
    return embed.describe()
        + (exitDelay == 0
            ? ", exit handler starting as host.exit() is called"
            : String.format(
                java.util.Locale.ROOT,
                ", exit handler starting %.2f ms after host.exit()",
                exitDelay / 1e6));
  }

  /**
   * {@code count} plans: {@link EmbedPlan#trials}'s (pairwise different shapes, the hardest
   * schedule first), each with an exit delay drawn from the same stream after them, the first
   * plan's at once (the exit handler asks for the GIL the moment Main starts waiting).
   */
  static List<ShutdownPlan> trials(SplittableRandom random, int count) {
    List<ShutdownPlan> plans = new ArrayList<>();
    for (EmbedPlan embed : EmbedPlan.trials(random, count)) {
      long delay = plans.isEmpty() ? 0 : Inputs.momentNanos(random, 0, MAX_EXIT_DELAY);
      plans.add(new ShutdownPlan(embed, delay));
    }
    return plans;
  }
}

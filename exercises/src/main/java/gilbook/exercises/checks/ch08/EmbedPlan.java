package gilbook.exercises.checks.ch08;

import gilbook.exercises.grading.Inputs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The inputs of one run of the learner's host program, drawn from the grading's seed: how many
 * workers and items, how long the host's own work lasts, when each worker thread really starts, and
 * how the scheduler breaks ties. Immutable.
 *
 * @param workers how many workers {@code main} must start
 * @param items how many ints each worker appends
 * @param work how long one {@code host.work()} computes
 * @param startDelays for the k-th started thread, how long (nanoseconds) it sleeps before running
 *     its body: a .NET thread does not start the instant {@code Start()} returns
 * @param clockSeed the virtual clock's seed, which breaks ties between threads ready at once
 */
record EmbedPlan(int workers, int items, Duration work, List<Long> startDelays, long clockSeed) {
  /** Worker w's ints start at {@code BLOCK * (w + 1)}: far outside the small-int cache. */
  static final long BLOCK = 1000;

  static final int MIN_WORKERS = 2;
  static final int MAX_WORKERS = 5;
  static final int MIN_ITEMS = 2;
  static final int MAX_ITEMS = 6;
  static final int MIN_WORK_MS = 5;
  static final int MAX_WORK_MS = 30;

  EmbedPlan {
    startDelays = List.copyOf(startDelays);
  }

  /** The i-th int worker w appends, as the exercise states it. */
  static long value(int worker, int i) {
    return BLOCK * (worker + 1) + i;
  }

  /** How long the k-th started thread sleeps before its body runs. */
  long startDelay(int k) {
    return k < startDelays.size() ? startDelays.get(k) : 0;
  }

  /** The inputs in words, for messages: "3 workers of 5 items, host.work() of 12 ms". */
  String describe() {
    return workers + " workers of " + items + " items, host.work() of " + work.toMillis() + " ms";
  }

  /**
   * {@code count} plans with pairwise different (workers, items), so that a file that ignores its
   * arguments matches at most one of them. The first is the hardest schedule: the most workers, one
   * starting at once (it meets Main's work) and one starting only after Main's work is over (it
   * meets whatever Main does after its work).
   */
  static List<EmbedPlan> trials(SplittableRandom random, int count) {
    List<EmbedPlan> plans = new ArrayList<>();
    Set<Integer> shapes = new HashSet<>();
    while (plans.size() < count) {
      boolean hardest = plans.isEmpty();
      int workers = hardest ? MAX_WORKERS : Inputs.between(random, MIN_WORKERS, MAX_WORKERS);
      int items = Inputs.between(random, MIN_ITEMS, MAX_ITEMS);
      if (!shapes.add(workers * 100 + items)) {
        continue;
      }
      long work = Duration.ofMillis(Inputs.between(random, MIN_WORK_MS, MAX_WORK_MS)).toNanos();
      List<Long> delays = new ArrayList<>();
      for (int k = 0; k < workers; k++) {
        delays.add(Inputs.momentNanos(random, 0, work + work / 2));
      }
      if (hardest) {
        delays.set(0, 0L);
        delays.set(workers - 1, work + Inputs.momentNanos(random, 1_000_000, 5_000_000));
      }
      plans.add(new EmbedPlan(workers, items, Duration.ofNanos(work), delays, random.nextLong()));
    }
    return plans;
  }
}

package gilbook.exercises.checks.ch03;

import gilbook.exercises.contract.IntervalWorkload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded questions for "Tune the interval": a workload, the intervals to predict at, and for the
 * choice a list of candidates with a latency target. The generator keeps away from exact ties (an
 * interval whose end falls on a check point), where the answer would hang on which of two events at
 * the same instant came first. Immutable.
 *
 * @param workload the machine
 * @param intervals the intervals to predict at; the first is only a little longer than one
 *     check-point distance, where a check point's delay is a large part of a run
 */
record IntervalPlan(IntervalWorkload workload, List<Duration> intervals) {

  /** A workload and four intervals, from about one check-point distance to 20 ms. */
  static IntervalPlan predictions(SplittableRandom r) {
    IntervalWorkload w = workload(r);
    long every = w.checkPointEvery().toNanos();
    List<Duration> intervals = new ArrayList<>();
    while (intervals.isEmpty()) {
      long tight = 1_000 * r.nextLong(every * 11 / 10_000 + 1, every * 155 / 100_000);
      if (clear(tight, w)) {
        intervals.add(Duration.ofNanos(tight));
      }
    }
    while (intervals.size() < 4) {
      long i = logUniform(r, 500_000, 20_000_000);
      if (clear(i, w) && !intervals.contains(Duration.ofNanos(i))) {
        intervals.add(Duration.ofNanos(i));
      }
    }
    return new IntervalPlan(w, List.copyOf(intervals));
  }

  /** The choice: candidates, the latency target, and the answer the model gives. */
  record Choice(IntervalWorkload workload, List<Duration> candidates, Duration target) {
    String describe() {
      return String.format(
          "candidates %s, target %s, %s",
          spans(candidates), Lesson.span(target.toNanos()), IntervalPlan.describe(workload));
    }
  }

  /**
   * Five candidates, each about twice the one before, and a target that the middle ones straddle
   * with room to spare: a prediction 20% off still sorts every candidate right. The smallest
   * candidate meets the target but switches more than the answer; the largest misses it; the answer
   * is never the default 5 ms.
   */
  static Choice choice(SplittableRandom r) {
    while (true) {
      IntervalWorkload w = workload(r);
      List<Duration> candidates = new ArrayList<>();
      long c = logUniform(r, 300_000, 1_000_000);
      while (candidates.size() < 5) {
        if (clear(c, w)) {
          candidates.add(Duration.ofNanos(c));
          c = 10_000 * (c * (18 + r.nextInt(9)) / 100_000);
        } else {
          c += 10_000;
        }
      }
      int answer = r.nextInt(1, 4);
      long waitAnswer = modelWait(candidates.get(answer).toNanos(), w);
      long nextWait = Long.MAX_VALUE;
      for (int k = answer + 1; k < candidates.size(); k++) {
        nextWait = Math.min(nextWait, modelWait(candidates.get(k).toNanos(), w));
      }
      long every = w.checkPointEvery().toNanos();
      boolean cheaper =
          modelRun(candidates.get(0).toNanos(), every)
              < modelRun(candidates.get(answer).toNanos(), every);
      if (nextWait < waitAnswer * 3 / 2
          || !cheaper
          || candidates.get(answer).equals(Duration.ofMillis(5))) {
        continue;
      }
      long target = 1_000 * ((long) Math.sqrt((double) waitAnswer * nextWait) / 1_000);
      return new Choice(w, List.copyOf(candidates), Duration.ofNanos(target));
    }
  }

  private static IntervalWorkload workload(SplittableRandom r) {
    return new IntervalWorkload(
        Duration.ofNanos(10_000 * r.nextLong(15, 45)),
        Duration.ofNanos(10_000 * r.nextLong(5, 30)));
  }

  private static long logUniform(SplittableRandom r, long from, long to) {
    double x = Math.exp(Math.log(from) + r.nextDouble() * (Math.log(to) - Math.log(from)));
    return 10_000 * Math.round(x / 10_000);
  }

  /** Neither the run's end nor the I/O thread's request lands within 2 µs of a check point. */
  private static boolean clear(long interval, IntervalWorkload w) {
    long every = w.checkPointEvery().toNanos();
    long io = w.ioTime().toNanos();
    return away(interval % every, every) && away((interval + io) % every, every);
  }

  private static boolean away(long phase, long every) {
    return phase > 2_000 && phase < every - 2_000;
  }

  /** The model's run: the interval, rounded up to the holder's next check point. */
  static long modelRun(long interval, long every) {
    return (interval + every - 1) / every * every;
  }

  /**
   * The model's convoy wait: the CPU thread's check points count from the moment the I/O thread
   * handed it the GIL; the I/O thread asks {@code ioTime} later and sets the drop request one
   * interval after that.
   */
  static long modelWait(long interval, IntervalWorkload w) {
    long every = w.checkPointEvery().toNanos();
    long io = w.ioTime().toNanos();
    return modelRun(interval + io, every) - io;
  }

  static String describe(IntervalWorkload w) {
    return String.format(
        "check points every %s, I/O calls of %s",
        Lesson.span(w.checkPointEvery().toNanos()), Lesson.span(w.ioTime().toNanos()));
  }

  static String spans(List<Duration> ds) {
    List<String> out = new ArrayList<>();
    for (Duration d : ds) {
      out.add(Lesson.span(d.toNanos()));
    }
    return String.join(", ", out);
  }
}

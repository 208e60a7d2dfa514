package gilbook.exercises.checks.ch07;

import gilbook.exercises.contract.Batching;
import gilbook.exercises.grading.Inputs;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One trial of "update in batches": a list of {@code size} ints, each costing {@code itemNanos} to
 * compute, beside a {@link Server} whose waits must stay at or under {@code targetNanos}.
 * Immutable.
 *
 * <p>The server's wait for one batch is the extension's write-back of that batch and its read of
 * the next, back to back (the extension drops the GIL voluntarily between them, so nobody asked for
 * a switch and it takes the GIL straight back): about {@code 2K} list accesses of 50 ns. Each batch
 * also costs the extension one switch interval (5 ms) of waiting for the server to let go. So K has
 * a ceiling from the target, {@code K <= target / 100 ns}, and a floor from the time bound ({@link
 * #boundNanos}, twice the computation), {@code K >= 5 ms / itemCost}.
 *
 * <p>Two kinds of trial, one of each per check, make those windows disjoint, so that no K fixed in
 * advance passes both, while the largest K the target allows passes each:
 *
 * <ul>
 *   <li>tight: a target of 30 to 45 µs (K at most 450) and items of 16 to 30 µs, drawn for the
 *       target so that its ceiling is {@value #NARROW_FROM} to {@value #NARROW_TO} times the floor.
 *       The window is narrow and sits just under the ceiling: a K worked out from the item cost
 *       alone ({@code 10 ms / itemCost}, or any K that keeps the intervals under half the
 *       computation) is over the ceiling, and {@code 5 ms / itemCost} is under the floor. Only a K
 *       taken from the target, close to its ceiling, passes.
 *   <li>loose: a target of 280 to 350 µs (K at most 3,500) and items of 6 to 8 µs (K at least 625).
 * </ul>
 *
 * <p>Both lists are longer than the target allows in one hold ({@code size * 50 ns > target}), so
 * Strategy 1 (K = the whole list) misses the target, and per-element re-attachment (K = 1) pays an
 * interval per element and misses the time bound.
 *
 * @param kind "tight" or "loose", for messages
 */
record BatchPlan(String kind, int size, long targetNanos, long itemNanos, Server server) {
  /** What one list access costs with the GIL held: one instruction. */
  static final long ACCESS_NANOS = Batching.ACCESS_COST.toNanos();

  /** CPython's default switch interval: what each re-attachment beside the server waits. */
  static final long INTERVAL_NANOS = 5_000_000;

  /**
   * In a tight trial the target's ceiling on K is between these two multiples of the time bound's
   * floor on K.
   */
  static final double NARROW_FROM = 1.4;

  static final double NARROW_TO = 1.8;

  /** The server keeps going this long past the bound, so a slow extension still meets it. */
  private static final long SERVER_PAST_BOUND = 10_000_000;

  /** A tight and a loose trial, in a seeded order. */
  static List<BatchPlan> trials(SplittableRandom random) {
    BatchPlan tight = tight(random);
    BatchPlan loose = loose(random);
    return random.nextBoolean() ? List.of(tight, loose) : List.of(loose, tight);
  }

  static BatchPlan tight(SplittableRandom random) {
    int size = Inputs.between(random, 6_000, 8_000);
    int target = Inputs.between(random, 30, 45);
    return of(
        random,
        "tight",
        size,
        target,
        Inputs.between(
            random, itemMicros(target, NARROW_FROM, true), itemMicros(target, NARROW_TO, false)));
  }

  /**
   * The item cost, in whole microseconds, at which the target's ceiling is {@code ratio} times the
   * time bound's floor: {@code (target / 2 ACCESS) / (INTERVAL / item) = ratio}. Rounded inwards,
   * up for the low end of the range and down for the high end.
   */
  private static int itemMicros(int targetMicros, double ratio, boolean up) {
    double micros = ratio * 2 * ACCESS_NANOS * INTERVAL_NANOS / (targetMicros * 1_000.0) / 1_000;
    return (int) (up ? Math.ceil(micros) : Math.floor(micros));
  }

  static BatchPlan loose(SplittableRandom random) {
    return of(
        random,
        "loose",
        Inputs.between(random, 8_000, 10_000),
        Inputs.between(random, 280, 350),
        Inputs.between(random, 6, 8));
  }

  private static BatchPlan of(
      SplittableRandom random, String kind, int size, int targetMicros, int itemMicros) {
    long compute = (long) size * itemMicros * 1_000;
    return new BatchPlan(
        kind,
        size,
        targetMicros * 1_000L,
        itemMicros * 1_000L,
        Server.draw(random, 2 * compute + SERVER_PAST_BOUND));
  }

  /** What the learner is given. */
  Batching batching() {
    return new Batching(Duration.ofNanos(targetNanos), Duration.ofNanos(itemNanos));
  }

  /** The computation alone: {@code size} items at {@code itemNanos} each. */
  long computeNanos() {
    return size * itemNanos;
  }

  /** The longest the call may take: twice its computation. */
  long boundNanos() {
    return 2 * computeNanos();
  }

  /** For example "a list of 2,104 ints, a target of 38 µs, and 95 µs of computation per item". */
  String describe() {
    return String.format(
        "a list of %,d ints, a target of %d µs for the other thread's waits, and %d µs of"
            + " computation per item",
        size, targetNanos / 1_000, itemNanos / 1_000);
  }
}

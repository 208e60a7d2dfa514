package gilbook.exercises.grading;

import java.security.SecureRandom;
import java.util.SplittableRandom;

/**
 * The seed one grading draws its inputs from. Every grading picks a fresh seed (so no check can be
 * passed by an answer fitted to the inputs of an earlier run), shows it when a check fails, and
 * {@code gilbook check ID --seed S} grades again with exactly the same inputs.
 *
 * <p>Each check asks for its own generator by a purpose name, so its inputs depend only on the seed
 * and that name, never on which checks ran before it. Thread-safe; one grading at a time per JVM
 * (as {@link Grader}).
 */
public final class Seed {
  /** Seeds are typed by people: non-negative, at most nine digits. */
  public static final long LIMIT = 1_000_000_000L;

  private static final SecureRandom FRESH = new SecureRandom();
  private static volatile long current = fresh();

  private Seed() {}

  /** A new seed, different on every call (with overwhelming likelihood). */
  public static long fresh() {
    return FRESH.nextLong(LIMIT);
  }

  /** The seed of the grading under way. */
  public static long current() {
    return current;
  }

  /**
   * Makes {@code seed} the seed of the grading that starts now.
   *
   * @throws IllegalArgumentException if it is negative or has more than nine digits
   */
  public static void use(long seed) {
    current = check(seed);
  }

  /** {@code seed}, if it is one a learner could have typed; otherwise an error saying the range. */
  public static long check(long seed) {
    if (seed < 0 || seed >= LIMIT) {
      throw new IllegalArgumentException(
          "a seed is a whole number from 0 to " + (LIMIT - 1) + "; got " + seed);
    }
    return seed;
  }

  /**
   * A generator for one purpose (usually the check's name) under the current seed. The same seed
   * and purpose always give the same sequence.
   */
  public static SplittableRandom random(String purpose) {
    return new SplittableRandom(mix(current, purpose));
  }

  static long mix(long seed, String purpose) {
    // Two rounds of SplittableRandom's own mixing keep nearby seeds and similar names apart.
    long h = seed * 0x9E3779B97F4A7C15L + purpose.hashCode();
    return new SplittableRandom(h).nextLong() ^ new SplittableRandom(~h).nextLong();
  }
}

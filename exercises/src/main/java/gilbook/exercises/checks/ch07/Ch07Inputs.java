package gilbook.exercises.checks.ch07;

import gilbook.exercises.grading.Inputs;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Chapter 7's seeded inputs: list sizes spread over short, medium and long lists, ints outside the
 * small-int cache, and ints whose prime factors are known because they are built from them.
 * Thread-safe (stateless).
 */
final class Ch07Inputs {
  /**
   * One trial of a size-based check per band: a short, a medium and a long list. Three distinct
   * sizes defeat code that behaves only for one or two particular lengths, and the bands make sure
   * every check sees both a short list and one of ten items or more.
   */
  private static final int[][] SIZE_BANDS = {{3, 5}, {6, 9}, {10, 13}};

  /** How many trials a size-based check runs. */
  static final int TRIALS = SIZE_BANDS.length;

  /** Ints lie below this, so {@code Expensive.compute}'s {@code n * n + 1} fits in a long. */
  static final long BELOW = 1_000_000;

  private static final long LARGE_PRIME_FROM = 1_000_003;
  private static final long LARGE_PRIME_TO = 1_000_000_000;
  private static final long SEMIPRIME_FACTOR_FROM = 1_009;
  private static final long SEMIPRIME_FACTOR_TO = 100_000;
  private static final long[] SMALL_PRIMES = smallPrimes(997);

  private Ch07Inputs() {}

  /** {@link #TRIALS} distinct sizes, one from each band, short first. */
  static int[] sizes(SplittableRandom random) {
    int[] out = new int[SIZE_BANDS.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = Inputs.between(random, SIZE_BANDS[i][0], SIZE_BANDS[i][1]);
    }
    return out;
  }

  /** {@code count} distinct ints in [1000, {@link #BELOW}). */
  static long[] ints(SplittableRandom random, int count) {
    return Inputs.distinctInts(random, count, BELOW);
  }

  /** An int and its unique prime factors, ascending. */
  record Factored(long value, List<Long> factors) {}

  /**
   * {@code count} distinct ints, each the product of up to two small primes (with powers) and
   * either a prime above a million or two distinct primes above 1,000. Every one has a factor above
   * 1,000, so {@code Expensive.primeFactors} runs its whole trial division on each and costs at
   * least a millisecond: a thread beside the extension can act in the middle of any call.
   */
  static List<Factored> factoredInts(SplittableRandom random, int count) {
    Set<Long> seen = new LinkedHashSet<>();
    List<Factored> out = new ArrayList<>();
    while (out.size() < count) {
      Factored f = factored(random);
      if (seen.add(f.value())) {
        out.add(f);
      }
    }
    return out;
  }

  private static Factored factored(SplittableRandom random) {
    TreeSet<Long> factors = new TreeSet<>();
    long value = 1;
    if (random.nextBoolean()) {
      value = prime(random, LARGE_PRIME_FROM, LARGE_PRIME_TO);
      factors.add(value);
    } else {
      long p = prime(random, SEMIPRIME_FACTOR_FROM, SEMIPRIME_FACTOR_TO);
      long q = p;
      while (q == p) {
        q = prime(random, SEMIPRIME_FACTOR_FROM, SEMIPRIME_FACTOR_TO);
      }
      value = p * q;
      factors.add(p);
      factors.add(q);
    }
    int small = Inputs.between(random, 0, 2);
    for (int i = 0; i < small; i++) {
      long p = SMALL_PRIMES[random.nextInt(SMALL_PRIMES.length)];
      int power = Inputs.between(random, 1, 3);
      for (int k = 0; k < power && value <= Long.MAX_VALUE / 1_000 / p; k++) {
        value *= p;
        factors.add(p);
      }
    }
    return new Factored(value, List.copyOf(factors));
  }

  private static long prime(SplittableRandom random, long from, long to) {
    long start = random.nextLong(from, to);
    return BigInteger.valueOf(start).nextProbablePrime().longValueExact();
  }

  private static long[] smallPrimes(int upTo) {
    List<Long> primes = new ArrayList<>();
    for (long n = 2; n <= upTo; n++) {
      if (BigInteger.valueOf(n).isProbablePrime(30)) {
        primes.add(n);
      }
    }
    return primes.stream().mapToLong(Long::longValue).toArray();
  }
}

package gilbook.exercises.contract;

import gilbook.runtime.Work;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Chapter 7's expensive computations: pure number crunching that touches no Python object, like
 * PyO3's {@code expensive_computation}. Each charges its cost with {@link Work#cpu}, so it keeps
 * the GIL if the calling thread holds it. Call them inside {@code allowThreads} / {@code detach}.
 * Thread-safe (stateless).
 */
public final class Expensive {
  /** What {@link #compute} costs. */
  public static final Duration COMPUTE_COST = Duration.ofMillis(1);

  /** What one step of {@link #primeFactors} costs: a trial division or a Pollard-rho step. */
  public static final Duration FACTOR_STEP_COST = Duration.ofNanos(1_000);

  private static final long TRIAL_LIMIT = 1_000;
  private static final long[] WITNESSES = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37};

  private Expensive() {}

  /** {@code n * n + 1}, after 1 ms of computation. */
  public static long compute(long n) {
    Work.cpu(COMPUTE_COST);
    return n * n + 1;
  }

  /**
   * The unique prime factors of {@code n >= 2}, ascending, after a computation that costs {@link
   * #FACTOR_STEP_COST} per step (trial division up to 1,000, then Miller-Rabin and Pollard's rho).
   */
  public static long[] primeFactors(long n) {
    if (n < 2) {
      throw new IllegalArgumentException("primeFactors needs n >= 2, got " + n);
    }
    long[] steps = {0};
    TreeSet<Long> factors = new TreeSet<>();
    long rest = n;
    for (long p = 2; p <= TRIAL_LIMIT && p * p <= rest; p++) {
      steps[0]++;
      if (rest % p == 0) {
        factors.add(p);
        while (rest % p == 0) {
          rest /= p;
        }
      }
    }
    if (rest > 1) {
      List<Long> pending = new ArrayList<>(List.of(rest));
      while (!pending.isEmpty()) {
        long m = pending.remove(pending.size() - 1);
        steps[0] += WITNESSES.length;
        if (isPrime(m)) {
          factors.add(m);
        } else {
          long d = rho(m, steps);
          pending.add(d);
          pending.add(m / d);
        }
      }
    }
    Work.cpuNanos(steps[0] * FACTOR_STEP_COST.toNanos());
    return factors.stream().mapToLong(Long::longValue).toArray();
  }

  private static boolean isPrime(long n) {
    BigInteger big = BigInteger.valueOf(n);
    BigInteger minusOne = big.subtract(BigInteger.ONE);
    int s = minusOne.getLowestSetBit();
    BigInteger d = minusOne.shiftRight(s);
    for (long a : WITNESSES) {
      if (n == a) {
        return true;
      }
      if (n % a == 0) {
        return false;
      }
      BigInteger x = BigInteger.valueOf(a).modPow(d, big);
      if (x.equals(BigInteger.ONE) || x.equals(minusOne)) {
        continue;
      }
      boolean composite = true;
      for (int r = 1; r < s && composite; r++) {
        x = x.multiply(x).mod(big);
        composite = !x.equals(minusOne);
      }
      if (composite) {
        return false;
      }
    }
    return true;
  }

  /** A non-trivial divisor of the odd composite {@code n}, by Pollard's rho (deterministic). */
  private static long rho(long n, long[] steps) {
    BigInteger big = BigInteger.valueOf(n);
    for (long c = 1; ; c++) {
      BigInteger cc = BigInteger.valueOf(c);
      BigInteger x = BigInteger.TWO;
      BigInteger y = BigInteger.TWO;
      BigInteger d = BigInteger.ONE;
      while (d.equals(BigInteger.ONE)) {
        steps[0]++;
        x = x.multiply(x).add(cc).mod(big);
        y = y.multiply(y).add(cc).mod(big);
        y = y.multiply(y).add(cc).mod(big);
        d = x.subtract(y).abs().gcd(big);
      }
      if (!d.equals(big)) {
        return d.longValueExact();
      }
    }
  }
}

package gilbook.runtime.explorer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class InterleavingsTests {

  @Nested
  class Counting {

    @Test
    void twoThreadsOfThreeStepsHaveTwentyInterleavings() {
      assertEquals(BigInteger.valueOf(20), Interleavings.count(new int[] {3, 3}));
    }

    @Test
    void threeThreadsOfThreeStepsHaveNineFactorialOverThreeFactorialCubed() {
      assertEquals(BigInteger.valueOf(1680), Interleavings.count(new int[] {3, 3, 3}));
    }

    @Test
    void oneThreadHasOneInterleaving() {
      assertEquals(BigInteger.ONE, Interleavings.count(new int[] {12}));
    }

    @Test
    void countsFarBeyondLongDoNotOverflow() {
      int[] steps = new int[20];
      Arrays.fill(steps, 30);
      BigInteger expected = factorial(600);
      for (int ignored : steps) {
        expected = expected.divide(factorial(30));
      }
      assertEquals(expected, Interleavings.count(steps));
      assertTrue(expected.bitLength() > 63);
    }

    private BigInteger factorial(int n) {
      BigInteger result = BigInteger.ONE;
      for (int i = 2; i <= n; i++) {
        result = result.multiply(BigInteger.valueOf(i));
      }
      return result;
    }
  }

  @Nested
  class Enumerating {

    @Test
    void theFirstInterleavingRunsEachThreadToTheEndInTurn() {
      assertArrayEquals(new int[] {0, 0, 1, 2, 2, 2}, Interleavings.first(new int[] {2, 1, 3}));
    }

    @Test
    void everyInterleavingIsVisitedOnceAndKeepsEachThreadsStepCount() {
      int[] steps = {3, 2, 2};
      int[] order = Interleavings.first(steps);
      Set<List<Integer>> seen = new HashSet<>();
      do {
        int[] perThread = new int[steps.length];
        for (int thread : order) {
          perThread[thread]++;
        }
        assertArrayEquals(steps, perThread);
        assertTrue(seen.add(Arrays.stream(order).boxed().toList()), Arrays.toString(order));
      } while (Interleavings.next(order));
      assertEquals(Interleavings.count(steps).intValueExact(), seen.size());
    }

    @Test
    void theLastInterleavingHasNoNextAndStaysUnchanged() {
      int[] order = {1, 1, 0, 0};
      assertFalse(Interleavings.next(order));
      assertArrayEquals(new int[] {1, 1, 0, 0}, order);
    }
  }

  @Nested
  class Sampling {

    @Test
    void theSameSeedDrawsTheSameInterleavings() {
      SplittableRandom first = new SplittableRandom(99);
      SplittableRandom second = new SplittableRandom(99);
      for (int i = 0; i < 100; i++) {
        assertArrayEquals(
            Interleavings.random(new int[] {3, 6}, first),
            Interleavings.random(new int[] {3, 6}, second));
      }
    }

    @Test
    void everyInterleavingIsAboutEquallyLikely() {
      int[] steps = {3, 3};
      int draws = 40_000;
      SplittableRandom random = new SplittableRandom(2024);
      Map<List<Integer>, Integer> seen = new HashMap<>();
      for (int i = 0; i < draws; i++) {
        int[] order = Interleavings.random(steps, random);
        seen.merge(Arrays.stream(order).boxed().toList(), 1, Integer::sum);
      }
      assertEquals(20, seen.size());
      // Each of the 20 interleavings expects 2,000 draws; a standard deviation is about 44.
      seen.forEach(
          (order, times) ->
              assertTrue(Math.abs(times - 2_000) < 250, order + " was drawn " + times + " times"));
    }
  }
}

package gilbook.exercises.checks.ch07;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gilbook.exercises.grading.Inputs;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The guarantees the chapter 7 checks rest on hold for every seed, not only for the ones the
 * corpora were graded with: each check's trials always include the case that fails each mistake.
 */
class Ch07PlansTests {
  private static final int SEEDS = 2_000;

  private static SplittableRandom random(long seed) {
    return new SplittableRandom(seed);
  }

  @Nested
  class Sizes {
    @Test
    void areDistinctAndIncludeAShortAndALongList() {
      for (long seed = 0; seed < SEEDS; seed++) {
        int[] sizes = Ch07Inputs.sizes(random(seed));
        assertEquals(3, Arrays.stream(sizes).distinct().count(), Arrays.toString(sizes));
        assertTrue(Arrays.stream(sizes).min().getAsInt() <= 5, Arrays.toString(sizes));
        assertTrue(Arrays.stream(sizes).max().getAsInt() >= 10, Arrays.toString(sizes));
        assertTrue(Arrays.stream(sizes).min().getAsInt() >= 3, Arrays.toString(sizes));
      }
    }

    @Test
    void intsAreDistinctAndOutsideTheSmallIntCache() {
      for (long seed = 0; seed < SEEDS; seed++) {
        long[] ints = Ch07Inputs.ints(random(seed), 13);
        assertEquals(13, LongStream.of(ints).distinct().count());
        assertTrue(LongStream.of(ints).allMatch(n -> n >= Inputs.SMALLEST && n < Ch07Inputs.BELOW));
      }
    }
  }

  @Nested
  class Shrinks {
    @Test
    void alwaysIncludeTheWorstCaseAnIndexGoneAndItemsThatRemain() {
      for (long seed = 0; seed < SEEDS; seed++) {
        List<Shrink> trials = Shrink.trials(random(seed));
        assertEquals(3, trials.size());
        Shrink last = trials.get(0);
        Shrink gone = trials.get(1);
        Shrink remain = trials.get(2);
        String all = trials.toString();
        // The last item is computed when 1 to all-but-one items go: its index is gone.
        assertEquals(last.size() - 1, last.during(), all);
        assertTrue(last.count() >= 1 && last.remaining() >= 1, all);
        assertTrue(last.remaining() <= last.during(), all);
        // An earlier item is computed when its index and the next go: a read fails too.
        assertTrue(gone.during() <= gone.size() - 2, all);
        assertTrue(gone.remaining() <= gone.during() && gone.remaining() >= 0, all);
        // An earlier item is computed when a few go and the next item stays.
        assertTrue(remain.count() >= 1, all);
        assertTrue(remain.remaining() >= remain.during() + 2, all);
        for (Shrink s : trials) {
          assertTrue(s.offsetNanos() >= 200_000 && s.offsetNanos() < 700_000, all);
        }
      }
    }
  }

  @Nested
  class Changes {
    @Test
    void changeTheNextItemAndALaterOneNeverTheLastAloneToNewInts() {
      for (long seed = 0; seed < SEEDS; seed++) {
        int size = Inputs.between(random(seed), 3, 13);
        Change c = Change.draw(random(seed + 1), size);
        String what = c.describe();
        assertEquals(c.during() + 1, c.indexes()[0], what);
        assertTrue(c.indexes()[0] <= size - 2, what);
        assertTrue(c.indexes()[1] > c.indexes()[0] && c.indexes()[1] < size, what);
        Set<Long> before = new HashSet<>();
        LongStream.of(c.numbers()).forEach(before::add);
        for (long v : c.values()) {
          assertFalse(before.contains(v), what);
          assertTrue(v >= Inputs.SMALLEST, what);
        }
      }
    }
  }

  @Nested
  class FactoredInts {
    @Test
    void areBuiltFromTheirPrimesAndEachHasAFactorAboveAThousand() {
      for (long seed = 0; seed < 100; seed++) {
        for (Ch07Inputs.Factored f : Ch07Inputs.factoredInts(random(seed), 13)) {
          long rest = f.value();
          long previous = 1;
          for (long p : f.factors()) {
            assertTrue(p > previous, "ascending and unique: " + f);
            assertTrue(BigInteger.valueOf(p).isProbablePrime(50), "prime: " + f);
            assertEquals(0, rest % p, "divides: " + f);
            while (rest % p == 0) {
              rest /= p;
            }
            previous = p;
          }
          assertEquals(1, rest, "nothing but these primes: " + f);
          assertTrue(f.factors().get(f.factors().size() - 1) > 1_000, f.toString());
          assertTrue(f.value() >= 1_000_000, f.toString());
        }
      }
    }
  }

  @Nested
  class Messages {
    @Test
    void sayWhichItemsAreWrongWithoutTheValuesTheyShouldHold() {
      List<Long> read = List.of(1_234L, 5_678L, 9_012L, 3_456L);
      List<Long> after =
          List.of(ListVerdict.computed(1_234), 5_678L, 42L, ListVerdict.computed(3_456));
      String message = ListVerdict.check(read, after).orElseThrow();
      assertEquals(
          "2 of 4 items were not replaced by Expensive.compute of their value: item 1 still holds"
              + " its old value; item 2 holds a value that is not Expensive.compute of the item's"
              + " value",
          message);
      for (long n : read) {
        assertFalse(message.contains(String.valueOf(ListVerdict.computed(n))), message);
      }
      assertTrue(
          ListVerdict.check(read, read.stream().map(ListVerdict::computed).toList()).isEmpty());
    }
  }
}

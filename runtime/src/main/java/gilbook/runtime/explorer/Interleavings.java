package gilbook.runtime.explorer;

import java.math.BigInteger;
import java.util.SplittableRandom;

/**
 * Counts, enumerates and samples interleavings of several threads' steps.
 *
 * <p>An interleaving is an array with one entry per step, naming the thread (by index) that runs
 * it. Each thread's steps keep their program order, so thread {@code t} appears exactly {@code
 * stepsPerThread[t]} times. This class is stateless and thread-safe.
 */
final class Interleavings {

  private Interleavings() {}

  /**
   * Returns the number of interleavings: the multinomial {@code (n1 + ... + nk)! / (n1! ... nk!)}.
   */
  static BigInteger count(int[] stepsPerThread) {
    BigInteger count = BigInteger.ONE;
    int placed = 0;
    for (int steps : stepsPerThread) {
      // Multiply by C(placed + steps, steps), one factor at a time; each partial result is exact.
      for (int i = 1; i <= steps; i++) {
        count = count.multiply(BigInteger.valueOf(placed + i)).divide(BigInteger.valueOf(i));
      }
      placed += steps;
    }
    return count;
  }

  /**
   * Returns the first interleaving in lexicographic order: every thread runs to the end in turn.
   */
  static int[] first(int[] stepsPerThread) {
    int[] order = new int[total(stepsPerThread)];
    int position = 0;
    for (int thread = 0; thread < stepsPerThread.length; thread++) {
      for (int i = 0; i < stepsPerThread[thread]; i++) {
        order[position++] = thread;
      }
    }
    return order;
  }

  /**
   * Advances {@code order} to the next interleaving in lexicographic order, in place.
   *
   * @return {@code false}, leaving {@code order} unchanged, when it was already the last one
   */
  static boolean next(int[] order) {
    int pivot = order.length - 2;
    while (pivot >= 0 && order[pivot] >= order[pivot + 1]) {
      pivot--;
    }
    if (pivot < 0) {
      return false;
    }
    int successor = order.length - 1;
    while (order[successor] <= order[pivot]) {
      successor--;
    }
    swap(order, pivot, successor);
    for (int left = pivot + 1, right = order.length - 1; left < right; left++, right--) {
      swap(order, left, right);
    }
    return true;
  }

  /**
   * Draws one interleaving uniformly at random.
   *
   * <p>Picking the next thread with probability proportional to its remaining steps makes every
   * interleaving equally likely; picking each thread with equal probability would not.
   */
  static int[] random(int[] stepsPerThread, SplittableRandom random) {
    int[] remaining = stepsPerThread.clone();
    int left = total(stepsPerThread);
    int[] order = new int[left];
    for (int position = 0; position < order.length; position++, left--) {
      int pick = random.nextInt(left);
      int thread = 0;
      while (pick >= remaining[thread]) {
        pick -= remaining[thread];
        thread++;
      }
      remaining[thread]--;
      order[position] = thread;
    }
    return order;
  }

  private static int total(int[] stepsPerThread) {
    int total = 0;
    for (int steps : stepsPerThread) {
      total = Math.addExact(total, steps);
    }
    return total;
  }

  private static void swap(int[] order, int i, int j) {
    int kept = order[i];
    order[i] = order[j];
    order[j] = kept;
  }
}

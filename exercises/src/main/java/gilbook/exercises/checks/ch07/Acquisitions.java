package gilbook.exercises.checks.ch07;

import java.util.ArrayList;
import java.util.List;

/** How many times the extension took the GIL, per list size, in words. Thread-safe. */
final class Acquisitions {
  private Acquisitions() {}

  /**
   * "the extension took the GIL 2 times for 4 items, 2 times for 7 items and 9 times for 12 items".
   */
  static String describe(int[] sizes, List<Long> acquisitions) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < sizes.length; i++) {
      long n = acquisitions.get(i);
      parts.add(n + (n == 1 ? " time" : " times") + " for " + sizes[i] + " items");
    }
    return "the extension took the GIL "
        + String.join(", ", parts.subList(0, parts.size() - 1))
        + " and "
        + parts.get(parts.size() - 1);
  }

  /** Extra acquisitions per extra element, from the shortest list to the longest. */
  static double perElement(int[] sizes, List<Long> acquisitions) {
    int last = sizes.length - 1;
    return (double) (acquisitions.get(last) - acquisitions.get(0)) / (sizes[last] - sizes[0]);
  }
}

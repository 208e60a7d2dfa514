package gilbook.exercises.checks.ch07;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What "update in place" did to the list, item by item, said without the values the items should
 * hold: the learner computes those. Thread-safe (stateless).
 */
final class ListVerdict {
  private ListVerdict() {}

  /** What {@code Expensive.compute} returns, without its cost. */
  static long computed(long n) {
    return n * n + 1;
  }

  /**
   * Empty when each item of {@code after} is {@link #computed} of the same item of {@code read}
   * (the value the extension should have read), else what is wrong, such as "3 of 8 items were not
   * replaced by Expensive.compute of their value: items 4, 5 and 7 still hold their old values".
   */
  static Optional<String> check(List<Long> read, List<Long> after) {
    if (after.size() != read.size()) {
      return Optional.of(
          "the list holds "
              + after.size()
              + " items where "
              + read.size()
              + " were expected: the extension changed its length");
    }
    List<Integer> old = new ArrayList<>();
    List<Integer> other = new ArrayList<>();
    for (int i = 0; i < read.size(); i++) {
      long got = after.get(i);
      if (got == computed(read.get(i))) {
        continue;
      }
      (got == read.get(i) ? old : other).add(i);
    }
    if (old.isEmpty() && other.isEmpty()) {
      return Optional.empty();
    }
    List<String> parts = new ArrayList<>();
    if (!old.isEmpty()) {
      parts.add(
          items(old)
              + (old.size() == 1 ? " still holds its old value" : " still hold their old values"));
    }
    if (!other.isEmpty()) {
      parts.add(
          items(other)
              + (other.size() == 1 ? " holds" : " hold")
              + " a value that is not Expensive.compute of the item's value");
    }
    int wrong = old.size() + other.size();
    return Optional.of(
        wrong
            + " of "
            + read.size()
            + " items were not replaced by Expensive.compute of their value: "
            + String.join("; ", parts));
  }

  /** Past this many indexes a list of them is cut short: a list may hold thousands of items. */
  private static final int LISTED = 20;

  /**
   * "item 4", "items 4 and 7", "items 1, 4 and 7" (indexes, counting from 0); past {@value #LISTED}
   * indexes, "items 0, 1, 2, 3, 4, ... and 1999 (1,500 items)".
   */
  static String items(List<Integer> indexes) {
    if (indexes.size() == 1) {
      return "item " + indexes.get(0);
    }
    if (indexes.size() > LISTED) {
      List<String> first = indexes.subList(0, 5).stream().map(String::valueOf).toList();
      return String.format(
          "items %s, ... and %d (%,d items)",
          String.join(", ", first), indexes.get(indexes.size() - 1), indexes.size());
    }
    List<String> names = indexes.stream().map(String::valueOf).toList();
    return "items "
        + String.join(", ", names.subList(0, names.size() - 1))
        + " and "
        + names.get(names.size() - 1);
  }
}

package gilbook.runtime.explorer;

import java.util.List;

/** Joins words for messages a learner reads. Stateless and thread-safe. */
final class Words {

  private Words() {}

  /** Joins items as {@code "a"}, {@code "a and b"} or {@code "a, b and c"}. */
  static String list(List<String> items) {
    if (items.size() <= 1) {
      return String.join("", items);
    }
    return String.join(", ", items.subList(0, items.size() - 1))
        + " and "
        + items.get(items.size() - 1);
  }

  /** Returns {@code "1 reference"} or {@code "2 references"}. */
  static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}

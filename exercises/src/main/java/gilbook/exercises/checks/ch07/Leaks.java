package gilbook.exercises.checks.ch07;

import gilbook.runtime.ShutdownReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Says what was still referenced at shutdown by kind and maker, never by value: a leaked int would
 * otherwise print a result the learner is meant to compute. Thread-safe (stateless).
 */
final class Leaks {
  private Leaks() {}

  /** Whether every object was freed. */
  static boolean none(ShutdownReport end) {
    return end.leaks().isEmpty();
  }

  /**
   * For example "2 int objects made by the extension, and the caller's list, were still referenced
   * at shutdown (3 more objects were kept alive only by them)".
   */
  static String describe(ShutdownReport end) {
    Map<Group, Integer> groups = new LinkedHashMap<>();
    for (ShutdownReport.Leak leak : end.rootLeaks()) {
      groups.merge(new Group(leak.type(), maker(leak.createdBy())), 1, Integer::sum);
    }
    List<String> parts = new ArrayList<>();
    groups.forEach((group, count) -> parts.add(group.describe(count)));
    int roots = end.rootLeaks().size();
    int keptAlive = end.leaks().size() - roots;
    if (parts.isEmpty()) {
      return end.leaks().size() + " objects were still referenced at shutdown";
    }
    return String.join(", and ", parts)
        + (roots == 1 ? " was" : " were")
        + " still referenced at shutdown"
        + (keptAlive > 0
            ? " ("
                + keptAlive
                + " more objects were kept alive only by "
                + (roots == 1 ? "it" : "them")
                + ")"
            : "");
  }

  private static String maker(String thread) {
    return switch (thread) {
      case "MainThread" -> "the caller";
      case Extension.THREAD -> "the extension";
      default -> "thread " + thread;
    };
  }

  private record Group(String type, String maker) {
    String describe(int count) {
      if (count == 1 && type.equals("list") && maker.equals("the caller")) {
        return "the caller's list";
      }
      return count + " " + type + (count == 1 ? " object" : " objects") + " made by " + maker;
    }
  }
}

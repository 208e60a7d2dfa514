package gilbook.exercises.checks.ch08;

import gilbook.runtime.ThreadStats;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Judges who did the Python work of a run, from its {@link AppendLedger}: worker w's ints must all
 * have been appended by one started thread holding the GIL itself, a different thread for each
 * worker, none by Main (but for the ints an exercise asks Main to append), each int exactly once.
 * Stateless.
 */
final class WhoAppended {
  private WhoAppended() {}

  /** What each thread appended (or why it appended nothing), one line per thread. */
  static List<String> summary(EmbedHost.Outcome out) {
    List<String> lines = new ArrayList<>();
    List<String> threads = new ArrayList<>();
    threads.add(GilLog.MAIN);
    threads.addAll(out.threads());
    out.appended().keySet().stream().filter(t -> !threads.contains(t)).forEach(threads::add);
    for (String t : threads) {
      List<AppendLedger.Item> items = out.appended().getOrDefault(t, List.of());
      if (!items.isEmpty()) {
        lines.add(t + " appended " + items.stream().map(Object::toString).collect(joining()));
      } else if (!t.equals(GilLog.MAIN)) {
        lines.add(t + " appended nothing" + whyNothing(out, t));
      }
    }
    return lines;
  }

  private static String whyNothing(EmbedHost.Outcome out, String thread) {
    if (out.stall() != null && out.stall().waitsForGil(thread)) {
      return ": it still waited for the GIL in "
          + out.stall().waiting().get(thread)
          + " when the run stopped";
    }
    ThreadStats s = out.stats().get(thread);
    return s != null && s.acquisitions() == 0 ? ": it never took the GIL" : "";
  }

  /** What is wrong with who appended what, one line per problem; empty when all is right. */
  static List<String> problems(EmbedHost.Outcome out) {
    return problems(out, List.of());
  }

  /**
   * As {@link #problems(EmbedHost.Outcome)}, but Main may (and must, for the check that asks it)
   * append each of {@code mainAppends} once; those are judged by the caller, not here.
   */
  static List<String> problems(EmbedHost.Outcome out, List<Long> mainAppends) {
    EmbedPlan plan = out.plan();
    Map<Long, Integer> owner = new HashMap<>();
    for (int w = 0; w < plan.workers(); w++) {
      for (int i = 0; i < plan.items(); i++) {
        owner.put(EmbedPlan.value(w, i), w);
      }
    }
    Map<Integer, Set<String>> appendersOf = new TreeMap<>();
    Map<Integer, Integer> countOf = new HashMap<>();
    Map<String, Set<Integer>> blocksOf = new TreeMap<>();
    Set<Long> seen = new java.util.HashSet<>();
    List<String> strays = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    int[] mainsOwn = new int[1];
    out.appended()
        .forEach(
            (thread, all) -> {
              List<AppendLedger.Item> items = new ArrayList<>(all);
              if (thread.equals(GilLog.MAIN)) {
                for (Long allowed : mainAppends) {
                  if (items.removeIf(new FirstOf(allowed))) {
                    mainsOwn[0]++;
                  }
                }
                if (items.isEmpty()) {
                  return;
                }
              }
              // Where Main has ints of its own to append, only the workers' ints it appended count
              // here; anything else it appended is judged as a stray below.
              long theirs =
                  mainAppends.isEmpty()
                      ? items.size()
                      : items.stream()
                          .filter(i -> i.value() != null && owner.containsKey(i.value()))
                          .count();
              if (!out.threads().contains(thread) && theirs > 0) {
                problems.add(
                    thread
                        + " appended "
                        + theirs
                        + " of the workers' ints itself: the workers were to make those calls");
              }
              for (AppendLedger.Item item : items) {
                Integer w = item.value() == null ? null : owner.get(item.value());
                if (w == null || !seen.add(item.value())) {
                  strays.add(item + (w == null ? "" : " (a second time)"));
                  continue;
                }
                appendersOf.computeIfAbsent(w, k -> new LinkedHashSet<>()).add(thread);
                countOf.merge(w, 1, Integer::sum);
                blocksOf.computeIfAbsent(thread, k -> new LinkedHashSet<>()).add(w);
              }
            });
    for (int w = 0; w < plan.workers(); w++) {
      int n = countOf.getOrDefault(w, 0);
      String ints = "worker " + w + "'s ints " + range(w, plan.items());
      if (n < plan.items()) {
        problems.add(
            n == 0 ? ints + " never reached the list" : "only " + n + " of " + ints + " arrived");
      }
      Set<String> by = appendersOf.getOrDefault(w, Set.of());
      if (by.size() > 1) {
        problems.add(ints + " were appended by " + String.join(" and ", by) + ", not by one");
      }
    }
    blocksOf.forEach(
        (thread, blocks) -> {
          if (blocks.size() > 1 && out.threads().contains(thread)) {
            problems.add(
                thread + " appended the ints of " + blocks.size() + " workers: one worker's each");
          }
        });
    if (!strays.isEmpty()) {
      problems.add("the list also got " + strays.stream().collect(joining()));
    }
    if (problems.isEmpty()
        && out.finalValues() != null
        && out.finalValues().size() != seen.size() + mainsOwn[0]) {
      problems.add(
          "the list held "
              + out.finalValues().size()
              + " ints when main returned, not the "
              + (seen.size() + mainsOwn[0])
              + " appended");
    }
    return problems;
  }

  /** Matches the first item of the given value only, so that a second one is still judged. */
  private static final class FirstOf implements java.util.function.Predicate<AppendLedger.Item> {
    private final long value;
    private boolean found;

    FirstOf(long value) {
      this.value = value;
    }

    @Override
    public boolean test(AppendLedger.Item item) {
      if (found || item.value() == null || item.value() != value) {
        return false;
      }
      found = true;
      return true;
    }
  }

  private static String range(int worker, int items) {
    return EmbedPlan.value(worker, 0) + ".." + EmbedPlan.value(worker, items - 1);
  }

  private static java.util.stream.Collector<CharSequence, ?, String> joining() {
    return Collectors.joining(", ");
  }
}

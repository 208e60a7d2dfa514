package gilbook.exercises.checks.ch08;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where a run that never finished was stuck: who held the GIL, who waited for it in which call, who
 * waited in {@code host.joinWorkers()} or {@code host.exit()}, which threads had finished, and what
 * Main had done with the GIL. From these it tells apart the cases the lesson names. Immutable.
 *
 * @param timeLimit whether the virtual time limit stopped the run (otherwise the deadlock watchdog)
 * @param watchdog the runtime's own report
 * @param holder the thread holding the GIL, or {@code null}
 * @param waiting threads waiting for the GIL, each with the call it waits in
 * @param joining threads waiting in {@code host.joinWorkers()}
 * @param exiting threads waiting in {@code host.exit()} for the exit handler
 * @param threads the threads {@code host.startWorker} started, in start order, then the exit
 *     handler's if {@code host.exit()} started it
 * @param finished those of them that had finished
 * @param raised those of them whose body raised
 * @param mainReleased whether Main released the GIL with BeginAllowThreads
 * @param mainTookBackWith the call with which Main took it back afterwards, or {@code null}
 */
record Stall(
    boolean timeLimit,
    String watchdog,
    String holder,
    Map<String, String> waiting,
    List<String> joining,
    List<String> exiting,
    List<String> threads,
    List<String> finished,
    List<String> raised,
    boolean mainReleased,
    String mainTookBackWith) {

  static final String SHUTDOWN = "PythonEngine.Shutdown()";

  /** The cases of chapter 8, each with its own rule. */
  enum Cause {
    /** Main kept the GIL from Initialize on and waits in Thread.Join for workers that need it. */
    MAIN_NEVER_RELEASED,
    /**
     * Main took the GIL back (or never gave it away) and waits for a thread whose Shutdown waits
     * for that GIL.
     */
    SHUTDOWN_WAITS_FOR_MAIN,
    /** Main took the GIL back while workers still needed it, then waited for them. */
    MAIN_TOOK_IT_BACK_TOO_SOON,
    /** Anything else: the time limit, or a wait the lesson does not name. */
    OTHER
  }

  Cause cause() {
    boolean mainHoldsWhileWaiting =
        GilLog.MAIN.equals(holder)
            && (joining.contains(GilLog.MAIN) || exiting.contains(GilLog.MAIN));
    if (timeLimit || !mainHoldsWhileWaiting) {
      return Cause.OTHER;
    }
    boolean shutdownWaits =
        waiting.entrySet().stream()
            .anyMatch(w -> !w.getKey().equals(GilLog.MAIN) && w.getValue().equals(SHUTDOWN));
    if (!mainReleased) {
      return shutdownWaits && !joining.contains(GilLog.MAIN)
          ? Cause.SHUTDOWN_WAITS_FOR_MAIN
          : Cause.MAIN_NEVER_RELEASED;
    }
    if (shutdownWaits) {
      return Cause.SHUTDOWN_WAITS_FOR_MAIN;
    }
    return mainTookBackWith != null ? Cause.MAIN_TOOK_IT_BACK_TOO_SOON : Cause.OTHER;
  }

  /** One line per thread: what it held and waited for when the run stopped. */
  List<String> lines() {
    List<String> out = new ArrayList<>();
    out.add(describe(GilLog.MAIN));
    for (String t : threads) {
      out.add(describe(t));
    }
    return out;
  }

  /** Whether {@code thread} was still waiting for the GIL when the run stopped. */
  boolean waitsForGil(String thread) {
    return waiting.containsKey(thread);
  }

  private String describe(String thread) {
    if (raised.contains(thread)) {
      return thread + " had ended with an exception";
    }
    if (finished.contains(thread)) {
      return thread + " had finished";
    }
    List<String> parts = new ArrayList<>();
    if (thread.equals(holder)) {
      parts.add("holds the GIL");
    }
    if (waiting.containsKey(thread)) {
      String by = holder == null ? "" : " (held by " + holder + ")";
      parts.add("waits for the GIL" + by + " in " + waiting.get(thread));
    } else if (joining.contains(thread)) {
      parts.add("waits in host.joinWorkers(), a .NET Thread.Join, which keeps the GIL");
    } else if (exiting.contains(thread)) {
      parts.add("waits in host.exit() for the exit handler, a .NET wait, which keeps the GIL");
    }
    if (parts.isEmpty() || (parts.size() == 1 && thread.equals(holder))) {
      String raw = watchdogLine(thread);
      if (!raw.isEmpty()) {
        parts.add(raw);
      }
    }
    return parts.isEmpty()
        ? thread + " did not finish"
        : thread + " " + String.join(" and ", parts);
  }

  /** What the runtime's own report says of {@code thread}, without the name. */
  private String watchdogLine(String thread) {
    return watchdog
        .lines()
        .map(String::strip)
        .filter(l -> l.startsWith(thread + " "))
        .map(l -> l.substring(thread.length() + 1))
        .findFirst()
        .orElse("");
  }
}

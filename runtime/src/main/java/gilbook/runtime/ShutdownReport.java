package gilbook.runtime;

import java.util.List;

/**
 * What {@link Interpreter#shutdown()} found: objects still referenced, threads still alive, how the
 * run ended if it did not finish normally, and exceptions that escaped threads. Immutable and
 * thread-safe.
 *
 * @param leaks objects still alive at shutdown (start-up objects such as None are not counted); see
 *     {@link #rootLeaks()} for the ones a missing decref left behind
 * @param liveThreads threads that had not finished, each with what it was doing
 * @param runEnd the deadlock or time-limit report, or empty when the run finished normally
 * @param threadExceptions one line per thread whose body raised
 */
public record ShutdownReport(
    List<Leak> leaks, List<String> liveThreads, String runEnd, List<String> threadExceptions) {

  public ShutdownReport {
    leaks = List.copyOf(leaks);
    liveThreads = List.copyOf(liveThreads);
    threadExceptions = List.copyOf(threadExceptions);
  }

  /**
   * One object still referenced at shutdown.
   *
   * @param root whether something other than leaked objects holds it: a missing decref is here;
   *     {@code false} means it is only kept alive by other leaked objects
   */
  public record Leak(
      String type, String repr, int refcnt, long address, String createdBy, boolean root) {
    @Override
    public String toString() {
      return type
          + " object at 0x"
          + Long.toHexString(address)
          + " "
          + repr
          + " still has "
          + refcnt
          + (refcnt == 1 ? " reference" : " references")
          + " (created by "
          + createdBy
          + ")";
    }
  }

  /** The leaks a missing decref left behind, without the objects they merely keep alive. */
  public List<Leak> rootLeaks() {
    return leaks.stream().filter(Leak::root).toList();
  }

  /** Whether nothing leaked, no thread was left, and the run ended normally. */
  public boolean clean() {
    return leaks.isEmpty() && liveThreads.isEmpty() && runEnd.isEmpty();
  }

  @Override
  public String toString() {
    if (clean() && threadExceptions.isEmpty()) {
      return "clean shutdown: no leaks, no live threads";
    }
    StringBuilder sb = new StringBuilder("shutdown report:");
    if (!runEnd.isEmpty()) {
      sb.append("\n  run ended early: ").append(runEnd.replace("\n", "\n    "));
    }
    for (String t : liveThreads) {
      sb.append("\n  live thread: ").append(t);
    }
    List<Leak> roots = rootLeaks();
    for (Leak l : roots) {
      sb.append("\n  leak: ").append(l);
    }
    if (leaks.size() > roots.size()) {
      sb.append("\n  and ")
          .append(leaks.size() - roots.size())
          .append(" more objects kept alive only by the leaks above");
    }
    for (String e : threadExceptions) {
      sb.append("\n  exception in thread ").append(e);
    }
    return sb.toString();
  }
}

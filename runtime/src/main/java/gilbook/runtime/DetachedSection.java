package gilbook.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One detached section of a Python thread: from {@code Eval.saveThread} (the start of {@code
 * allowThreads} / {@code detach}) to {@code Eval.restoreThread}. It holds the ledger of the threads
 * started inside it, the first error one of them raised, and the threads of its owner's group that
 * were alive when it began, so that its end can find the ones started since. Sections nest (detach,
 * attach, detach again): each knows the one it is inside. See {@link HelperThreads}.
 *
 * <p>Made and ended on the owner's thread; its ledger and error are written by helpers.
 */
final class DetachedSection {
  /** The section this one is inside, or {@code null}. */
  final DetachedSection outer;

  /** Work of the plain threads ({@code new Thread}, executors) started inside this section. */
  final ParallelWork threadWork = new ParallelWork();

  /** The first error a plain helper thread of this section raised. */
  final AtomicReference<RuntimeException> failure = new AtomicReference<>();

  private final ThreadGroup group;
  private final Set<Thread> before;

  /** A section that starts now, on the calling (owner's) thread. */
  DetachedSection(DetachedSection outer) {
    this.outer = outer;
    this.group = Thread.currentThread().getThreadGroup();
    this.before = Set.copyOf(live(group));
  }

  /**
   * The threads started in the owner's group since this section began that are still alive, leaving
   * out fork/join workers: pools keep their workers between tasks, and their tasks are awaited by
   * quiescence instead.
   */
  List<Thread> threadsStillRunning() {
    List<Thread> out = new ArrayList<>();
    for (Thread t : live(group)) {
      if (!before.contains(t) && !(t instanceof ForkJoinWorkerThread) && t.isAlive()) {
        out.add(t);
      }
    }
    return out;
  }

  private static List<Thread> live(ThreadGroup group) {
    if (group == null) {
      return List.of();
    }
    Thread[] found = new Thread[group.activeCount() + 16];
    int n = group.enumerate(found, true);
    while (n == found.length) { // more threads appeared meanwhile: ask again with more room
      found = new Thread[found.length * 2];
      n = group.enumerate(found, true);
    }
    return Arrays.asList(found).subList(0, n);
  }
}

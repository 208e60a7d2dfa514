package gilbook.app.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A worker JVM and every process that learner code started from it, ended together.
 *
 * <p>Notes. Learner code can start OS processes ({@code new ProcessBuilder("sleep", "313")}).
 * Killing only the worker would leave them running, one more on every save in {@code watch}. Java
 * can list a live process's descendants, but once the worker has died (a crash, {@code halt}, our
 * own kill) its children are re-parented to init and descend from nothing we know. So on Linux each
 * worker starts as the leader of a session of its own ({@code setsid}), which its children inherit
 * and keep after it dies. Ending the tree kills the worker, its descendants and every process of
 * its session, then looks again until none is left, since a process may fork while we kill. Where
 * there is no {@code setsid} or {@code /proc}, only the live worker's descendants are found.
 *
 * <p>What still escapes: a process that starts a session of its own after its parent has died (a
 * daemon that double-forks), since nothing then links it to the worker. The worker ends its own
 * descendants before it exits, which catches such a process while its parent lives.
 *
 * <p>Every tree not yet ended is registered, and a shutdown hook ends them all, so Ctrl-C on {@code
 * gilbook check} or closing the window leaves nothing behind. (A worker in its own session no
 * longer receives the terminal's Ctrl-C itself.) Thread-safe: {@link #end()} may be called from any
 * thread, any number of times.
 */
final class ProcessTree {
  /** Rounds of killing before we give up on a tree that keeps forking faster than we kill. */
  private static final int ROUNDS = 100;

  private static final Set<ProcessTree> LIVE = ConcurrentHashMap.newKeySet();
  private static final Optional<Path> SETSID = findSetsid();

  private static volatile boolean shuttingDown;

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  shuttingDown = true;
                  List.copyOf(LIVE).forEach(ProcessTree::end);
                },
                "gilbook-end-workers"));
  }

  /** Whether this JVM is going down (Ctrl-C, say), which stops every job it ran. */
  static boolean shuttingDown() {
    return shuttingDown;
  }

  private final Process worker;
  private final long sid;

  private ProcessTree(Process worker) {
    this.worker = worker;
    this.sid = SETSID.isPresent() ? ownSession(worker) : -1;
  }

  /**
   * The worker's session, once setsid has made it (its first act, micro-seconds after the start),
   * or -1 if it never does. Checked rather than assumed, so we never kill a session that is not the
   * worker's.
   */
  private static long ownSession(Process worker) {
    long pid = worker.pid();
    long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    while (worker.isAlive() && System.nanoTime() < giveUp) {
      if (ProcessTable.sessionOf(pid).orElse(-1L) == pid) {
        return pid;
      }
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return -1;
  }

  /** The words to put before a worker's command, so that it leads a session of its own. */
  static List<String> sessionPrefix() {
    return SETSID.map(p -> List.of(p.toString())).orElse(List.of());
  }

  /** Tracks {@code worker}, started with {@link #sessionPrefix()}, until {@link #end()}. */
  static ProcessTree track(Process worker) {
    ProcessTree tree = new ProcessTree(worker);
    LIVE.add(tree);
    return tree;
  }

  /** Kills the worker and every process it started, directly or not. Idempotent. */
  void end() {
    try {
      for (int round = 0; round < ROUNDS; round++) {
        Set<Long> members = members();
        boolean workerAlive = worker.isAlive();
        if (members.isEmpty() && !workerAlive) {
          return;
        }
        worker.destroyForcibly();
        for (long pid : members) {
          ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
        // SIGKILL is not instant: give the kernel a moment before looking again.
        if (workerAlive) {
          worker.waitFor(200, TimeUnit.MILLISECONDS);
        } else {
          Thread.sleep(10);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      LIVE.remove(this);
    }
  }

  /** The running processes of this tree now, apart from the worker itself. */
  private Set<Long> members() {
    Set<Long> out = new HashSet<>();
    if (ProcessTable.available()) {
      out.addAll(ProcessTable.read().sessionAndDescendants(sid, worker.pid()));
    } else if (worker.isAlive()) {
      worker.descendants().filter(ProcessHandle::isAlive).forEach(p -> out.add(p.pid()));
    }
    out.remove(ProcessHandle.current().pid());
    return out;
  }

  private static Optional<Path> findSetsid() {
    if (!ProcessTable.available()) {
      return Optional.empty();
    }
    for (String dir : List.of("/usr/bin", "/bin")) {
      Path p = Path.of(dir, "setsid");
      if (Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}

package gilbook.runtime.internal;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Makes the Java threads that carry Python threads: each one the first worker of a fork/join pool
 * of its own, in a thread group of its own under one group for all Python threads. Thread-safe.
 *
 * <p>Why a group apart from the starter's: a Java thread joins the group of the thread that creates
 * it, and some hosts wait for every thread of a group. JShell's local engine runs each snippet in a
 * fresh group and joins every thread in it once the snippet has started. A snippet that starts a
 * Python thread (which parks until the simulation gives it a turn, in a later snippet's {@code
 * awaitThreads()}) then hangs JShell for ever, whenever the snippet's thread started it before
 * JShell listed the group: a race that showed under load as a run that never ended. Python threads
 * belong to the interpreter, not to the code that happened to start them, so their groups hang from
 * the root group.
 *
 * <p>Why a pool and a group per Python thread: work a Python thread hands to other Java threads
 * must be charged to it (see {@code gilbook.runtime.HelperThreads}). A parallel stream started on a
 * fork/join worker runs in that worker's pool, so the pool's other workers are exactly the helpers
 * of its parallel streams and fork/join tasks; and a thread started with {@code new Thread} joins
 * its creator's group, so the group holds exactly the threads the Python thread (or its helpers)
 * started. The pool's parallelism is the interpreter's cores.
 */
public final class PythonThreads {
  private static final ThreadGroup GROUP = new ThreadGroup(rootGroup(), "gilbook Python threads");

  private PythonThreads() {}

  /**
   * The pool a Python thread gets: who owns its helpers, how many workers it runs at most, and what
   * to call when it makes a helper.
   *
   * @param owner what {@link Worker#owner()} returns: the Python thread's state
   * @param parallelism the pool's parallelism, at least 1
   * @param onHelper called on the thread that makes a helper, before the helper runs anything
   */
  public record Family(Object owner, int parallelism, Runnable onHelper) {}

  /**
   * A worker of a Python thread's pool: the Python thread itself (the carrier, the pool's first
   * worker, which runs the thread's body as its one top-level task) or one of its helpers.
   */
  public static final class Worker extends ForkJoinWorkerThread {
    private final Object owner;
    private final boolean carrier;

    Worker(ForkJoinPool pool, Object owner, boolean carrier) {
      super(pool);
      this.owner = owner;
      this.carrier = carrier;
    }

    /** The state of the Python thread whose pool this is. */
    public Object owner() {
      return owner;
    }

    /** Whether this worker is the Python thread itself rather than a helper. */
    public boolean carrier() {
      return carrier;
    }
  }

  /**
   * Starts the Java thread of Python thread {@code name}, running {@code body}, and returns it. The
   * pool shuts down when {@code body} returns, and its workers then end.
   */
  public static Thread start(String name, Family family, Runnable body) {
    ThreadGroup own = new ThreadGroup(GROUP, "py-" + name);
    freeWhenEmpty(own);
    AtomicInteger made = new AtomicInteger();
    AtomicReference<Thread> carrier = new AtomicReference<>();
    ForkJoinPool pool =
        new ForkJoinPool(
            family.parallelism(),
            p -> {
              int n = made.getAndIncrement();
              Worker w = new Worker(p, family.owner(), n == 0);
              if (n == 0) {
                w.setName("py-" + name);
                carrier.set(w);
              } else {
                w.setName("py-" + name + "-worker-" + n);
                family.onHelper().run();
              }
              return w;
            },
            null,
            false);
    Runnable task =
        () -> {
          try {
            body.run();
          } finally {
            pool.shutdown();
          }
        };
    // A worker joins the group of the thread that makes it, and a pool makes its first worker on
    // the thread that submits the first task: submit from a thread of the new group. (Java 19
    // added a ForkJoinWorkerThread constructor that takes a group; this project targets 17.)
    Thread starter = new Thread(own, () -> pool.execute(task), "py-" + name + "-starter");
    starter.setDaemon(true);
    starter.start();
    joinUninterruptibly(starter);
    Thread started = carrier.get();
    if (started == null) {
      throw new IllegalStateException("the pool of Python thread " + name + " made no thread");
    }
    return started;
  }

  /** The group under which every Python thread's own group hangs. */
  public static ThreadGroup group() {
    return GROUP;
  }

  /**
   * On Java 17 a group keeps its subgroups until it is destroyed, and a daemon group is destroyed
   * when its last thread ends; without this every Python thread ever started would stay listed.
   * From Java 19 groups are weakly held and this does nothing.
   */
  @SuppressWarnings({"removal", "deprecation"})
  private static void freeWhenEmpty(ThreadGroup group) {
    group.setDaemon(true);
  }

  private static void joinUninterruptibly(Thread t) {
    boolean interrupted = false;
    while (true) {
      try {
        t.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadGroup rootGroup() {
    ThreadGroup g = Thread.currentThread().getThreadGroup();
    while (g.getParent() != null) {
      g = g.getParent();
    }
    return g;
  }
}

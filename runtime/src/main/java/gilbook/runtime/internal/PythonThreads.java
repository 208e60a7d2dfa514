package gilbook.runtime.internal;

/**
 * Makes the Java threads that carry Python threads, all in one thread group of their own.
 *
 * <p>Why a group of its own: a Java thread joins the group of the thread that creates it, and some
 * hosts wait for every thread of a group. JShell's local engine runs each snippet in a fresh group
 * and joins every thread in it once the snippet has started. A snippet that starts a Python thread
 * (which parks until the simulation gives it a turn, in a later snippet's {@code awaitThreads()})
 * then hangs JShell for ever, whenever the snippet's thread started it before JShell listed the
 * group: a race that showed under load as a run that never ended. Python threads belong to the
 * interpreter, not to the code that happened to start them, so their group hangs from the root
 * group. Thread-safe.
 */
public final class PythonThreads {
  private static final ThreadGroup GROUP = new ThreadGroup(rootGroup(), "gilbook Python threads");

  private PythonThreads() {}

  /**
   * A new, unstarted daemon thread for Python thread {@code name}, in the Python threads' group.
   */
  public static Thread newThread(String name, Runnable body) {
    Thread t = new Thread(GROUP, body, "py-" + name);
    t.setDaemon(true);
    return t;
  }

  /** The group every Python thread's Java thread belongs to. */
  public static ThreadGroup group() {
    return GROUP;
  }

  private static ThreadGroup rootGroup() {
    ThreadGroup g = Thread.currentThread().getThreadGroup();
    while (g.getParent() != null) {
      g = g.getParent();
    }
    return g;
  }
}

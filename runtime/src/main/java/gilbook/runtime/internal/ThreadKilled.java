package gilbook.runtime.internal;

/**
 * Unwinds a Python thread that the simulation stopped: at shutdown, after a deadlock, or when the
 * virtual time limit passed. Not API.
 *
 * <p>It is an {@link Error} so that learner code catching {@code Exception} does not swallow it.
 */
public final class ThreadKilled extends Error {
  private static final long serialVersionUID = 1L;

  public ThreadKilled(String thread) {
    this(thread, "the interpreter stopped it");
  }

  public ThreadKilled(String thread, String reason) {
    super("Python thread " + thread + " was stopped: " + reason);
  }
}

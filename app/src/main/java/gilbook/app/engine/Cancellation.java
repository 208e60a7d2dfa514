package gilbook.app.engine;

/**
 * Lets a window stop a running check or run: cancelling kills the worker JVM at once, with every
 * process the learner's code started. Thread-safe: the worker is started on a background thread and
 * cancelled from the FX thread.
 */
public final class Cancellation {
  private volatile ProcessTree tree;
  private volatile boolean cancelled;

  /** Stops the worker, if one is running, and any that starts later under this token. */
  public void cancel() {
    cancelled = true;
    ProcessTree t = tree;
    if (t != null) {
      t.end();
    }
  }

  /** Whether the job was stopped: by {@link #cancel()}, or because gilbook itself is ending. */
  public boolean isCancelled() {
    return cancelled || ProcessTree.shuttingDown();
  }

  void attach(ProcessTree t) {
    tree = t;
    if (cancelled) {
      t.end();
    }
  }
}

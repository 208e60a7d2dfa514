package gilbook.app.engine;

/**
 * Lets a window stop a running check or run: cancelling kills the worker JVM at once. Thread-safe:
 * the worker is started on a background thread and cancelled from the FX thread.
 */
public final class Cancellation {
  private volatile Process process;
  private volatile boolean cancelled;

  /** Stops the worker, if one is running, and any that starts later under this token. */
  public void cancel() {
    cancelled = true;
    Process p = process;
    if (p != null) {
      p.destroyForcibly();
    }
  }

  public boolean isCancelled() {
    return cancelled;
  }

  void attach(Process p) {
    process = p;
    if (cancelled) {
      p.destroyForcibly();
    }
  }
}

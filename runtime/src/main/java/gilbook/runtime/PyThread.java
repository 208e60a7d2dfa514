package gilbook.runtime;

/** A handle on a started Python thread, like {@code threading.Thread}. Thread-safe. */
public final class PyThread {
  private final PyThreadState state;

  PyThread(PyThreadState state) {
    this.state = state;
  }

  /** The thread's name. */
  public String name() {
    return state.name;
  }

  /** Whether the end of the run does not wait for this thread. */
  public boolean daemon() {
    return state.daemon;
  }

  /** Whether the thread has finished. */
  public boolean finished() {
    return state.finished;
  }

  /** Whether the thread is still running, {@code Thread.is_alive()}. */
  public boolean isAlive() {
    return !state.finished;
  }

  /** The exception that escaped the thread's body, or {@code null}. */
  public Throwable exception() {
    return state.uncaught;
  }

  /** A snapshot of the thread's statistics. */
  public ThreadStats stats() {
    return state.stats();
  }

  PyThreadState state() {
    return state;
  }

  /**
   * Waits until the thread ends, {@code Thread.join()}. From a Python thread this is a blocking
   * call that releases the GIL while it waits; from outside the simulation it runs the simulation
   * until every non-daemon thread has ended.
   */
  public void join() {
    PyThreadState self = PyThreadState.getOrNull();
    if (self == null) {
      state.interp.awaitThreads();
      if (!state.finished) {
        throw new IllegalStateException(
            "daemon thread " + state.name + " did not finish before the run ended");
      }
      return;
    }
    self.interp.join(self, state);
  }

  @Override
  public String toString() {
    return "<PyThread(" + state.name + ", " + (state.finished ? "stopped" : "started") + ")>";
  }
}

package gilbook.runtime.pythonnet;

import gilbook.runtime.GilStateError;
import gilbook.runtime.PyThreadState;

/**
 * A handle from {@link Py#gil()}: the {@code PyGILState_STATE} that {@code PyGILState_Release}
 * needs, as an {@link AutoCloseable}.
 *
 * <p>It must be closed on the thread that took it. Closing it elsewhere raises a {@link
 * GilStateError} naming both threads; CPython would abort or hang. Closing it twice does nothing.
 *
 * <p>Not thread-safe: confined to the thread that took it.
 */
public final class GilState implements AutoCloseable {
  private final PyThreadState owner;
  private final boolean taken;
  private boolean closed;

  private GilState(PyThreadState owner, boolean taken) {
    this.owner = owner;
    this.taken = taken;
  }

  static GilState ensure() {
    PyThreadState ts = PyThreadState.get();
    boolean taken = ts.interpreter().gilStateEnsure();
    return new GilState(ts, taken);
  }

  /** The thread that took this handle. */
  public String thread() {
    return owner.name();
  }

  /** Whether {@link Py#gil()} took the GIL (the thread did not hold it already). */
  public boolean taken() {
    return taken;
  }

  /**
   * {@code PyGILState_Release}: releases the GIL if this handle took it.
   *
   * @throws GilStateError if called on another thread than the one that took the handle
   */
  @Override
  public void close() {
    PyThreadState ts = PyThreadState.getOrNull();
    if (ts != owner) {
      throw new GilStateError(
          "thread "
              + (ts == null ? "'" + Thread.currentThread().getName() + "'" : ts.name())
              + " released a Py.GIL() handle that thread "
              + owner.name()
              + " took. PyGILState_Release must run on the thread that called"
              + " PyGILState_Ensure: dispose the handle on "
              + owner.name()
              + ", for example with try-with-resources there");
    }
    if (closed) {
      return;
    }
    closed = true;
    owner.interpreter().gilStateRelease(taken);
  }

  @Override
  public String toString() {
    return "GilState[" + owner.name() + (closed ? ", released" : "") + "]";
  }
}

package gilbook.runtime;

/** The simulated {@code sys} module. */
public final class Sys {
  private Sys() {}

  /**
   * {@code sys.getrefcount(o)}: the reference count as the call sees it.
   *
   * <p>Passing {@code o} to a call puts one more reference to it on the caller's stack, so the
   * result is one higher than the number of names and containers that hold it. This method takes
   * that argument reference for the duration of the call, exactly as CPython's does: for {@code a =
   * ["A", "B"]; b = a} it answers 3. In free-threaded mode it is the sum of the local and shared
   * counts, and an immortal object answers {@link PyObject#IMMORTAL_REFCNT}.
   */
  public static long getrefcount(PyObject o) {
    o.incref(); // the argument reference the call holds
    try {
      return o.refcntUnclamped();
    } finally {
      o.decref();
    }
  }

  /** {@code sys.getswitchinterval()} of the calling thread's interpreter, in seconds. */
  public static double getswitchinterval() {
    return PyThreadState.get().interp.gil().interval() / 1e9;
  }

  /** {@code sys.setswitchinterval(seconds)} for the calling thread's interpreter. */
  public static void setswitchinterval(double seconds) {
    if (!(seconds > 0) || Double.isInfinite(seconds)) {
      throw new PyException("ValueError", "switch interval must be strictly positive");
    }
    PyThreadState.get().interp.gil().setInterval(Math.max(1, Math.round(seconds * 1e9)));
  }
}

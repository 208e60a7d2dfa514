package gilbook.runtime;

/**
 * What the interpreter needs from a global interpreter lock.
 *
 * <p>The runtime's own implementation is {@link Gil}, a port of CPython's {@code ceval_gil.c}. A
 * learner can write another one and hand it to {@link Interpreter.Builder#gil(Factory)}; the
 * interpreter then checks it for mutual exclusion and records every take and drop, whichever
 * implementation is in use.
 *
 * <p>Implementations must be thread-safe: many Python threads call them at once.
 */
public interface GilLock {

  /**
   * Blocks until {@code tstate} holds the GIL ({@code take_gil}). A waiter that has waited one
   * switch interval without any switch happening should set the drop request on the eval breaker.
   */
  void takeGil(PyThreadState tstate);

  /**
   * Releases the GIL held by {@code tstate} ({@code drop_gil}). With forced switching and a pending
   * drop request, it should not return before another thread has taken the GIL.
   */
  void dropGil(PyThreadState tstate);

  /** Whether some thread holds the GIL. */
  boolean locked();

  /** The thread holding, or that last held, the GIL; {@code null} before the first take. */
  PyThreadState lastHolder();

  /** How many times the GIL has passed to a different thread. */
  long switchNumber();

  /** The switch interval in nanoseconds. */
  long interval();

  /** Changes the switch interval, like {@code sys.setswitchinterval}. */
  void setInterval(long nanos);

  /** Makes a GIL for one interpreter. */
  @FunctionalInterface
  interface Factory {
    GilLock create(GilContext context);
  }
}

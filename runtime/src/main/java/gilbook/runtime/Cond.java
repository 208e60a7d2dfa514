package gilbook.runtime;

/**
 * A condition variable bound to one {@link Mutex}, the analogue of CPython's {@code PyCOND_T}.
 *
 * <p>As with pthreads, the caller must hold the mutex around every call. Which of several waiters
 * {@link #signal()} wakes is unspecified; the virtual clock picks one with its seeded random
 * source, so there is no fairness to rely on, just as in CPython. Thread-safe.
 */
public interface Cond {
  /** Releases the mutex, waits for a signal, and takes the mutex again. */
  void await();

  /**
   * Like {@link #await()}, but gives up after {@code nanos}.
   *
   * @return {@code true} if the wait timed out, {@code false} if it was signalled (the {@code
   *     timed_out} flag of CPython's {@code COND_TIMED_WAIT})
   */
  boolean timedWait(long nanos);

  /** Wakes one waiter, if any. */
  void signal();

  /** Wakes every waiter. */
  void broadcast();
}

package gilbook.runtime;

/**
 * A non-reentrant mutual-exclusion lock made by a {@link Clock}, the analogue of CPython's {@code
 * PyMUTEX_T}.
 *
 * <p>Locking a mutex the calling thread already holds, or unlocking one it does not hold, throws
 * {@link IllegalStateException} rather than hanging. Thread-safe.
 */
public interface Mutex {
  /** Blocks until the calling thread owns the mutex. */
  void lock();

  /** Releases the mutex; the calling thread must own it. */
  void unlock();

  /** The name given at creation, used in reports. */
  String name();
}

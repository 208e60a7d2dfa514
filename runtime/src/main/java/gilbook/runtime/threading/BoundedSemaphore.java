package gilbook.runtime.threading;

import gilbook.runtime.Interpreter;

/**
 * Python's {@code threading.BoundedSemaphore}: a {@link Semaphore} whose value may never rise above
 * its initial value, so an extra {@code release} raises {@code ValueError: Semaphore released too
 * many times} instead of silently adding a permit.
 *
 * <p>Thread-safe, like {@link Semaphore}.
 */
public final class BoundedSemaphore extends Semaphore {

  /** A bounded semaphore in the calling Python thread's interpreter. */
  public BoundedSemaphore(String name, int value) {
    this(Waits.current(), name, value);
  }

  /** A bounded semaphore named {@code name} with {@code value} permits in {@code interp}. */
  public BoundedSemaphore(Interpreter interp, String name, int value) {
    super(interp, name, value, value);
  }
}

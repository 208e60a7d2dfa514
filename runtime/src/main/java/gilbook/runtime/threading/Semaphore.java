package gilbook.runtime.threading;

import gilbook.runtime.Clock;
import gilbook.runtime.Cond;
import gilbook.runtime.Eval;
import gilbook.runtime.Interpreter;
import gilbook.runtime.Mutex;

/**
 * Python's {@code threading.Semaphore}: a counter that {@code acquire} lowers, waiting while it is
 * zero, and {@code release} raises.
 *
 * <p>Built on its interpreter's clock like {@link Lock}. A blocking acquire releases the GIL while
 * it waits and names the wait {@code "Semaphore 'NAME' (value 0)"}; which waiter a release wakes is
 * unspecified, as in CPython (the virtual clock picks one with its seed). Methods must be called
 * from a Python thread of the semaphore's interpreter. Thread-safe.
 */
public sealed class Semaphore permits BoundedSemaphore {
  private final Clock clock;
  private final String name;
  private final Mutex mutex;
  private final Cond positive;
  private final int bound;
  private volatile int value;

  /**
   * A semaphore named {@code name} with {@code value} permits, in the calling Python thread's
   * interpreter.
   */
  public Semaphore(String name, int value) {
    this(Waits.current(), name, value);
  }

  /** A semaphore named {@code name} with {@code value} permits in {@code interp}. */
  public Semaphore(Interpreter interp, String name, int value) {
    this(interp, name, value, Integer.MAX_VALUE);
  }

  Semaphore(Interpreter interp, String name, int value, int bound) {
    if (value < 0) {
      throw Waits.valueError("semaphore initial value must be >= 0");
    }
    this.name = Waits.checkName(name);
    this.clock = Waits.checkInterp(interp).clock();
    this.mutex = clock.newMutex(kind() + " '" + name + "' internal mutex");
    this.positive = clock.newCond(kind() + " '" + name + "' released", mutex);
    this.value = value;
    this.bound = bound;
  }

  private String kind() {
    return getClass().getSimpleName();
  }

  /** {@code sem.acquire()}: waits while the value is zero, then lowers it. */
  public boolean acquire() {
    return acquire(true, Double.POSITIVE_INFINITY);
  }

  /** {@code sem.acquire(blocking)}: with {@code false}, returns at once whether it got a permit. */
  public boolean acquire(boolean blocking) {
    return acquire(blocking, Double.POSITIVE_INFINITY);
  }

  /**
   * {@code sem.acquire(timeout=timeout)}: waits at most {@code timeout} seconds for a permit.
   *
   * @return whether a permit was taken
   */
  public boolean acquire(double timeout) {
    return acquire(true, timeout);
  }

  private boolean acquire(boolean blocking, double timeout) {
    String what;
    mutex.lock();
    try {
      if (value > 0) {
        value--;
        return true;
      }
      if (!blocking) {
        return false;
      }
      what = kind() + " '" + name + "' (value 0)";
    } finally {
      mutex.unlock();
    }
    long deadline = Waits.deadline(clock, timeout);
    boolean[] got = {false};
    Eval.blocking(
        what,
        () -> {
          mutex.lock();
          try {
            got[0] = Waits.await(positive, clock, deadline, () -> value > 0);
            if (got[0]) {
              value--;
            }
          } finally {
            mutex.unlock();
          }
        });
    return got[0];
  }

  /** {@code sem.release()}: raises the value by one and wakes a waiter. */
  public void release() {
    release(1);
  }

  /**
   * {@code sem.release(n)}: raises the value by {@code n} and wakes up to {@code n} waiters.
   *
   * @throws gilbook.runtime.PyException {@code ValueError} if {@code n < 1}, or, for a {@link
   *     BoundedSemaphore}, if the value would pass its initial value
   */
  public void release(int n) {
    if (n < 1) {
      throw Waits.valueError("n must be one or more");
    }
    mutex.lock();
    try {
      if ((long) value + n > bound) {
        throw Waits.valueError("Semaphore released too many times");
      }
      value += n;
      for (int i = 0; i < n; i++) {
        positive.signal();
      }
    } finally {
      mutex.unlock();
    }
  }

  /** The current value, like {@code sem._value}. Any thread may call this. */
  public int value() {
    return value;
  }

  /** The name given at creation. */
  public String name() {
    return name;
  }

  @Override
  public String toString() {
    return "<" + kind() + " '" + name + "'>";
  }
}

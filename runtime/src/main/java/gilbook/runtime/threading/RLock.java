package gilbook.runtime.threading;

import gilbook.runtime.Clock;
import gilbook.runtime.Cond;
import gilbook.runtime.Eval;
import gilbook.runtime.Interpreter;
import gilbook.runtime.Mutex;
import gilbook.runtime.PyThreadState;

/**
 * Python's {@code threading.RLock}: a re-entrant lock, owned by the thread that acquired it and
 * counted, so the owner must release it as many times as it acquired it.
 *
 * <p>Built on its interpreter's clock like {@link Lock}. A blocking acquire releases the GIL while
 * it waits and names the wait {@code "RLock 'NAME' (held by T, count N)"}; a re-entry or a free
 * lock is taken at once and keeps the GIL. Methods must be called from a Python thread of the
 * lock's interpreter. Thread-safe.
 */
public final class RLock {
  private final Clock clock;
  private final String name;
  private final Mutex mutex;
  private final Cond released;
  private volatile PyThreadState owner;
  private volatile int count;

  /** A re-entrant lock named {@code name} in the calling Python thread's interpreter. */
  public RLock(String name) {
    this(Waits.current(), name);
  }

  /** A re-entrant lock named {@code name} in {@code interp}; any thread may create it. */
  public RLock(Interpreter interp, String name) {
    this.name = Waits.checkName(name);
    this.clock = Waits.checkInterp(interp).clock();
    this.mutex = clock.newMutex("RLock '" + name + "' internal mutex");
    this.released = clock.newCond("RLock '" + name + "' released", mutex);
  }

  /** {@code rlock.acquire()}: waits as long as it takes, and returns {@code true}. */
  public boolean acquire() {
    return acquire(true, -1);
  }

  /** {@code rlock.acquire(blocking)}. */
  public boolean acquire(boolean blocking) {
    return acquire(blocking, -1);
  }

  /**
   * {@code rlock.acquire(blocking, timeout)}; the owner re-enters at once and the count goes up.
   *
   * @param timeout seconds to wait at most; {@code -1} waits forever
   * @return whether the lock was acquired
   * @throws gilbook.runtime.PyException {@code ValueError} for a timeout with {@code
   *     blocking=false}, or a negative timeout other than {@code -1}
   */
  public boolean acquire(boolean blocking, double timeout) {
    Waits.checkAcquire(blocking, timeout);
    return acquire(blocking, timeout, 1);
  }

  /** Acquires and sets the count to {@code restore} (1 normally, more after a condition wait). */
  boolean acquire(boolean blocking, double timeout, int restore) {
    PyThreadState me = PyThreadState.get();
    String what;
    mutex.lock();
    try {
      if (me == owner) {
        count++;
        return true;
      }
      if (owner == null) {
        owner = me;
        count = restore;
        return true;
      }
      if (!blocking) {
        return false;
      }
      what = "RLock '" + name + "' (held by " + owner.name() + ", count " + count + ")";
    } finally {
      mutex.unlock();
    }
    long deadline = timeout < 0 ? Waits.NO_DEADLINE : Waits.deadline(clock, timeout);
    boolean[] got = {false};
    Eval.blocking(
        what,
        () -> {
          mutex.lock();
          try {
            got[0] = Waits.await(released, clock, deadline, () -> owner == null);
            if (got[0]) {
              owner = me;
              count = restore;
            }
          } finally {
            mutex.unlock();
          }
        });
    return got[0];
  }

  /**
   * {@code rlock.release()}: lowers the count, and frees the lock when it reaches zero.
   *
   * @throws gilbook.runtime.PyException {@code RuntimeError: cannot release un-acquired lock} if
   *     the calling thread does not own it
   */
  public void release() {
    releaseAll(false);
  }

  /** Releases once, or fully if {@code all}; returns the count it had. */
  int releaseAll(boolean all) {
    PyThreadState me = PyThreadState.get();
    mutex.lock();
    try {
      if (me != owner) {
        throw Waits.runtimeError("cannot release un-acquired lock");
      }
      int had = count;
      count = all ? 0 : count - 1;
      if (count == 0) {
        owner = null;
        released.signal();
      }
      return had;
    } finally {
      mutex.unlock();
    }
  }

  /** Whether the calling thread owns the lock, like {@code RLock._is_owned()}. */
  public boolean isOwned() {
    return PyThreadState.get() == owner;
  }

  /** How many times the owner has acquired it; {@code 0} when free. Any thread may call this. */
  public int count() {
    return count;
  }

  /** The name given at creation. */
  public String name() {
    return name;
  }

  @Override
  public String toString() {
    PyThreadState o = owner;
    return "<"
        + (o == null
            ? "unlocked RLock '" + name + "'"
            : "locked RLock '" + name + "' owner=" + o.name())
        + ">";
  }
}

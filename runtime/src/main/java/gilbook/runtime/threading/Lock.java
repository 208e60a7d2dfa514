package gilbook.runtime.threading;

import gilbook.runtime.Clock;
import gilbook.runtime.Cond;
import gilbook.runtime.Eval;
import gilbook.runtime.Interpreter;
import gilbook.runtime.Mutex;

/**
 * Python's {@code threading.Lock}: a plain lock that any thread may release, not only the one that
 * acquired it.
 *
 * <p>It is built on its interpreter's {@link Clock#newMutex} and {@link Clock#newCond}, so it is
 * deterministic in virtual time. A blocking acquire releases the GIL while it waits, through {@link
 * Eval#blocking}, and names the wait {@code "Lock 'NAME' (held by T)"} in the trace and in deadlock
 * reports; the thread shown is the last one that acquired it. An acquire that succeeds at once, and
 * every release, keep the GIL. Methods must be called from a Python thread of the lock's
 * interpreter. Thread-safe.
 */
public final class Lock {
  private final Clock clock;
  private final String name;
  private final Mutex mutex;
  private final Cond released;
  private volatile boolean locked;
  private String holder;

  /** A lock named {@code name} in the calling Python thread's interpreter. */
  public Lock(String name) {
    this(Waits.current(), name);
  }

  /** A lock named {@code name} in {@code interp}; any thread may create it. */
  public Lock(Interpreter interp, String name) {
    this.name = Waits.checkName(name);
    this.clock = Waits.checkInterp(interp).clock();
    this.mutex = clock.newMutex("Lock '" + name + "' internal mutex");
    this.released = clock.newCond("Lock '" + name + "' released", mutex);
  }

  /** {@code lock.acquire()}: waits as long as it takes, and returns {@code true}. */
  public boolean acquire() {
    return acquire(true, -1);
  }

  /**
   * {@code lock.acquire(blocking)}: with {@code false}, returns at once whether it got the lock.
   */
  public boolean acquire(boolean blocking) {
    return acquire(blocking, -1);
  }

  /**
   * {@code lock.acquire(blocking, timeout)}.
   *
   * @param timeout seconds to wait at most; {@code -1} waits forever
   * @return whether the lock was acquired
   * @throws gilbook.runtime.PyException {@code ValueError} for a timeout with {@code
   *     blocking=false}, or a negative timeout other than {@code -1}
   */
  public boolean acquire(boolean blocking, double timeout) {
    Waits.checkAcquire(blocking, timeout);
    return acquire(blocking, timeout, null);
  }

  /** Acquires with the wait named {@code what}, or the lock's own description if {@code null}. */
  boolean acquire(boolean blocking, double timeout, String what) {
    String me = Waits.me();
    mutex.lock();
    try {
      if (!locked) {
        take(me);
        return true;
      }
      if (!blocking) {
        return false;
      }
      if (what == null) {
        what = describe();
      }
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
            got[0] = Waits.await(released, clock, deadline, () -> !locked);
            if (got[0]) {
              take(me);
            }
          } finally {
            mutex.unlock();
          }
        });
    return got[0];
  }

  private void take(String me) {
    locked = true;
    holder = me;
  }

  /**
   * {@code lock.release()}, from any thread.
   *
   * @throws gilbook.runtime.PyException {@code RuntimeError: release unlocked lock} if it is not
   *     locked
   */
  public void release() {
    mutex.lock();
    try {
      if (!locked) {
        throw Waits.runtimeError("release unlocked lock");
      }
      locked = false;
      holder = null;
      released.signal();
    } finally {
      mutex.unlock();
    }
  }

  /** {@code lock.locked()}. Any thread may call this. */
  public boolean locked() {
    return locked;
  }

  /** The name given at creation. */
  public String name() {
    return name;
  }

  /** Such as {@code "Lock 'accounts' (held by T1)"}; the caller holds the mutex. */
  private String describe() {
    return "Lock '" + name + "'" + (locked ? " (held by " + holder + ")" : " (unlocked)");
  }

  @Override
  public String toString() {
    return "<" + (locked ? "locked" : "unlocked") + " Lock '" + name + "'>";
  }
}

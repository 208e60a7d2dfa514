package gilbook.runtime.threading;

import gilbook.runtime.Interpreter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Python's {@code threading.Condition}: waits for a notification while holding a {@link Lock} or an
 * {@link RLock}, and notifies waiters in the order they began to wait.
 *
 * <p>It is written as CPython's {@code threading.py} writes it: each waiter makes a fresh {@link
 * Lock}, acquires it, releases the condition's lock (all levels of an {@code RLock}), and blocks
 * acquiring its lock again; {@code notify} releases the oldest waiters' locks. So a wait releases
 * the GIL, and is named {@code "Condition 'NAME' (waiting for notify)"} in the trace and in
 * deadlock reports.
 *
 * <p>Java's {@code Object} already has final {@code wait}, {@code notify} and {@code notifyAll}, so
 * the Python methods are named as in {@code java.util.concurrent}: {@code wait} is {@link #await},
 * {@code wait_for} is {@link #waitFor}, {@code notify(n)} is {@link #signal(int)} and {@code
 * notify_all} is {@link #signalAll}. Methods must be called from a Python thread of the lock's
 * interpreter. Thread-safe: the waiter list is only touched while the lock is held.
 */
public final class Condition {
  private final Interpreter interp;
  private final String name;
  private final Lock lock;
  private final RLock rlock;
  private final Deque<Lock> waiters = new ArrayDeque<>();
  private long waitersMade;

  /** A condition named {@code name} over a new {@link RLock}, as {@code Condition()} is. */
  public Condition(Interpreter interp, String name) {
    this(interp, name, null, new RLock(interp, Waits.checkName(name) + ".lock"));
  }

  /**
   * A condition named {@code name} over a new {@link RLock} in the calling thread's interpreter.
   */
  public Condition(String name) {
    this(Waits.current(), name);
  }

  /** A condition over {@code lock}, in the interpreter of the calling Python thread. */
  public Condition(String name, Lock lock) {
    this(Waits.current(), name, Objects.requireNonNull(lock, "lock must not be null"), null);
  }

  /** A condition over {@code lock}, in the interpreter of the calling Python thread. */
  public Condition(String name, RLock lock) {
    this(Waits.current(), name, null, Objects.requireNonNull(lock, "lock must not be null"));
  }

  /** A condition over {@code lock} in {@code interp}, which must be the lock's interpreter. */
  public Condition(Interpreter interp, String name, Lock lock) {
    this(interp, name, Objects.requireNonNull(lock, "lock must not be null"), null);
  }

  /** A condition over {@code lock} in {@code interp}, which must be the lock's interpreter. */
  public Condition(Interpreter interp, String name, RLock lock) {
    this(interp, name, null, Objects.requireNonNull(lock, "lock must not be null"));
  }

  private Condition(Interpreter interp, String name, Lock lock, RLock rlock) {
    this.interp = Waits.checkInterp(interp);
    this.name = Waits.checkName(name);
    this.lock = lock;
    this.rlock = rlock;
  }

  /** {@code cond.acquire()}: acquires the underlying lock. */
  public boolean acquire() {
    return lock != null ? lock.acquire() : rlock.acquire();
  }

  /** {@code cond.acquire(blocking, timeout)}, with the underlying lock's rules. */
  public boolean acquire(boolean blocking, double timeout) {
    return lock != null ? lock.acquire(blocking, timeout) : rlock.acquire(blocking, timeout);
  }

  /** {@code cond.release()}: releases the underlying lock. */
  public void release() {
    if (lock != null) {
      lock.release();
    } else {
      rlock.release();
    }
  }

  /**
   * {@code cond.wait()}: releases the lock, waits for a notification, and takes the lock back.
   *
   * @throws gilbook.runtime.PyException {@code RuntimeError: cannot wait on un-acquired lock} if
   *     the calling thread does not hold the lock
   */
  public boolean await() {
    return await(Double.POSITIVE_INFINITY);
  }

  /**
   * {@code cond.wait(timeout)}: like {@link #await()}, but gives up after {@code timeout} seconds
   * (at once if it is not positive). The lock is held again when it returns either way.
   *
   * @return {@code false} if the wait timed out
   */
  public boolean await(double timeout) {
    if (!isOwned()) {
      throw Waits.runtimeError("cannot wait on un-acquired lock");
    }
    Lock waiter = new Lock(interp, name + " waiter " + (++waitersMade));
    waiter.acquire();
    waiters.addLast(waiter);
    int saved = releaseSave();
    boolean gotIt = false;
    try {
      String what = "Condition '" + name + "' (waiting for notify)";
      gotIt =
          timeout > 0
              ? waiter.acquire(true, timeout >= Long.MAX_VALUE / 1e9 ? -1 : timeout, what)
              : waiter.acquire(false, -1, what);
      return gotIt;
    } finally {
      acquireRestore(saved);
      if (!gotIt) {
        waiters.remove(waiter);
      }
    }
  }

  /**
   * {@code cond.wait_for(predicate)}: waits until {@code predicate} holds, checking it first and
   * after every wake-up (the {@code while not predicate: cond.wait()} loop).
   *
   * @return the last value of the predicate, which is {@code true}
   */
  public boolean waitFor(BooleanSupplier predicate) {
    return waitFor(predicate, Double.POSITIVE_INFINITY);
  }

  /**
   * {@code cond.wait_for(predicate, timeout)}: like {@link #waitFor(BooleanSupplier)}, but gives up
   * once {@code timeout} seconds have passed in all.
   *
   * @return the last value of the predicate, {@code false} if it timed out
   */
  public boolean waitFor(BooleanSupplier predicate, double timeout) {
    Objects.requireNonNull(predicate, "predicate must not be null");
    boolean forever = timeout >= Long.MAX_VALUE / 1e9;
    long deadline = forever ? Waits.NO_DEADLINE : Waits.deadline(interp.clock(), timeout);
    boolean result = predicate.getAsBoolean();
    while (!result) {
      double wait = Double.POSITIVE_INFINITY;
      if (!forever) {
        long left = deadline - interp.clock().nanoTime();
        if (left <= 0) {
          break;
        }
        wait = left / 1e9;
      }
      await(wait);
      result = predicate.getAsBoolean();
    }
    return result;
  }

  /** {@code cond.notify()}: wakes the longest waiter, if any. */
  public void signal() {
    signal(1);
  }

  /**
   * {@code cond.notify(n)}: wakes up to {@code n} waiters, oldest first.
   *
   * @throws gilbook.runtime.PyException {@code RuntimeError: cannot notify on un-acquired lock} if
   *     the calling thread does not hold the lock
   */
  public void signal(int n) {
    if (!isOwned()) {
      throw Waits.runtimeError("cannot notify on un-acquired lock");
    }
    for (int i = 0; i < n && !waiters.isEmpty(); i++) {
      waiters.removeFirst().release();
    }
  }

  /** {@code cond.notify_all()}: wakes every waiter. */
  public void signalAll() {
    signal(Integer.MAX_VALUE);
  }

  /** The name given at creation. */
  public String name() {
    return name;
  }

  /**
   * Whether the calling thread holds the lock, like {@code Condition._is_owned()}: for a plain
   * {@link Lock}, whether it is locked at all, since a {@code Lock} has no owner.
   */
  private boolean isOwned() {
    if (rlock != null) {
      return rlock.isOwned();
    }
    if (lock.acquire(false)) {
      lock.release();
      return false;
    }
    return true;
  }

  private int releaseSave() {
    if (rlock != null) {
      return rlock.releaseAll(true);
    }
    lock.release();
    return 1;
  }

  private void acquireRestore(int saved) {
    if (rlock != null) {
      rlock.acquire(true, -1, saved);
    } else {
      lock.acquire();
    }
  }

  @Override
  public String toString() {
    return "<Condition '" + name + "' (" + (lock != null ? lock : rlock) + ")>";
  }
}

package gilbook.runtime.threading;

import gilbook.runtime.Clock;
import gilbook.runtime.Cond;
import gilbook.runtime.Eval;
import gilbook.runtime.Interpreter;
import gilbook.runtime.Mutex;

/**
 * Python's {@code threading.Event}: a flag that {@code set} raises, waking every waiter, and {@code
 * clear} lowers.
 *
 * <p>Python's {@code wait} is {@link #await} here, because {@code Object.wait()} is final in Java.
 * A waiter woken by {@code set} returns {@code true} even if the flag is cleared again before it
 * runs, as in CPython. Built on its interpreter's clock like {@link Lock}; a wait releases the GIL
 * and is named {@code "Event 'NAME' (not set)"}. Methods must be called from a Python thread of the
 * event's interpreter. Thread-safe.
 */
public final class Event {
  private final Clock clock;
  private final String name;
  private final Mutex mutex;
  private final Cond changed;
  private volatile boolean flag;
  private long generation;

  /** An event named {@code name}, not set, in the calling Python thread's interpreter. */
  public Event(String name) {
    this(Waits.current(), name);
  }

  /** An event named {@code name}, not set, in {@code interp}; any thread may create it. */
  public Event(Interpreter interp, String name) {
    this.name = Waits.checkName(name);
    this.clock = Waits.checkInterp(interp).clock();
    this.mutex = clock.newMutex("Event '" + name + "' internal mutex");
    this.changed = clock.newCond("Event '" + name + "' set", mutex);
  }

  /** {@code event.is_set()}. Any thread may call this. */
  public boolean isSet() {
    return flag;
  }

  /** {@code event.set()}: raises the flag and wakes every waiter. */
  public void set() {
    mutex.lock();
    try {
      flag = true;
      generation++;
      changed.broadcast();
    } finally {
      mutex.unlock();
    }
  }

  /** {@code event.clear()}. */
  public void clear() {
    mutex.lock();
    try {
      flag = false;
    } finally {
      mutex.unlock();
    }
  }

  /** {@code event.wait()}: waits until the flag is set; returns {@code true}. */
  public boolean await() {
    return await(Double.POSITIVE_INFINITY);
  }

  /**
   * {@code event.wait(timeout)}: waits at most {@code timeout} seconds.
   *
   * @return {@code true} if the flag was set, {@code false} if the wait timed out
   */
  public boolean await(double timeout) {
    long seen;
    mutex.lock();
    try {
      if (flag) {
        return true;
      }
      seen = generation;
    } finally {
      mutex.unlock();
    }
    long deadline = Waits.deadline(clock, timeout);
    boolean[] got = {false};
    Eval.blocking(
        "Event '" + name + "' (not set)",
        () -> {
          mutex.lock();
          try {
            got[0] = Waits.await(changed, clock, deadline, () -> flag || generation != seen);
          } finally {
            mutex.unlock();
          }
        });
    return got[0];
  }

  /** The name given at creation. */
  public String name() {
    return name;
  }

  @Override
  public String toString() {
    return "<Event '" + name + "'>";
  }
}

package gilbook.runtime;

import gilbook.runtime.internal.RealClock;
import gilbook.runtime.internal.VirtualClock;

/**
 * Where simulated time comes from, and the mutex and condition variables built on it.
 *
 * <p>CPython's {@code ceval_gil.c} is written against {@code PyMUTEX_T} and {@code PyCOND_T}, thin
 * wrappers over pthreads. Our {@link Gil} is written against {@link Mutex} and {@link Cond} from a
 * clock, so the same port runs on both clocks:
 *
 * <ul>
 *   <li>{@link #virtual(long)}: deterministic discrete-event time. Each Python thread has its own
 *       virtual clock, only one Java thread runs at a time, and {@code Work.cpu} costs simulated
 *       time, not real time. The same seed and inputs give the same trace, event for event.
 *   <li>{@link #real()}: {@code System.nanoTime}, real Java threads and real parallelism.
 * </ul>
 *
 * <p>A clock instance belongs to one {@link Interpreter}; {@code build()} refuses a clock that an
 * interpreter of another builder already uses. A builder that built on a clock builds its next
 * interpreter on a fresh clock of the same kind and seed. Implementations are thread-safe.
 */
public interface Clock {

  /**
   * A deterministic virtual clock.
   *
   * @param seed seeds tie-breaking between threads that are ready at the same instant, the choice
   *     of which waiter a condition signal wakes, and instruction-cost jitter
   */
  static Clock virtual(long seed) {
    return new VirtualClock(seed);
  }

  /** A clock that reads {@code System.nanoTime} and runs Python threads as real Java threads. */
  static Clock real() {
    return new RealClock();
  }

  /** {@code true} for the deterministic virtual clock. */
  boolean isVirtual();

  /**
   * The calling thread's current time in nanoseconds since the interpreter started. In virtual mode
   * each Python thread has its own clock; a thread that is not a Python thread reads the time at
   * which the simulation last paused.
   */
  long nanoTime();

  /** A new non-reentrant mutex, like {@code PyMUTEX_T}. The name appears in deadlock reports. */
  Mutex newMutex(String name);

  /** A new condition variable bound to {@code mutex}, like {@code PyCOND_T}. */
  Cond newCond(String name, Mutex mutex);
}

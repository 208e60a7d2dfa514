package gilbook.runtime.threading;

import gilbook.runtime.Clock;
import gilbook.runtime.Cond;
import gilbook.runtime.Interpreter;
import gilbook.runtime.PyException;
import gilbook.runtime.PyThreadState;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/** What the primitives share: deadlines, condition waits and Python errors. Not API. */
final class Waits {
  /** The deadline of a wait with no timeout (Python's {@code timeout=None}). */
  static final long NO_DEADLINE = Long.MAX_VALUE;

  private Waits() {}

  /** The calling Python thread's interpreter. */
  static Interpreter current() {
    return PyThreadState.get().interpreter();
  }

  /** The calling Python thread's name. */
  static String me() {
    return PyThreadState.get().name();
  }

  static Interpreter checkInterp(Interpreter interp) {
    return Objects.requireNonNull(interp, "interp must not be null");
  }

  static String checkName(String name) {
    return Objects.requireNonNull(name, "name must not be null");
  }

  static PyException runtimeError(String message) {
    return PyException.of("RuntimeError", message);
  }

  static PyException valueError(String message) {
    return PyException.of("ValueError", message);
  }

  /** The absolute deadline {@code timeout} seconds from now, on the caller's clock. */
  static long deadline(Clock clock, double timeout) {
    if (Double.isNaN(timeout)) {
      throw valueError("timeout must be a number, got NaN");
    }
    if (timeout >= NO_DEADLINE / 1e9) {
      return NO_DEADLINE;
    }
    return clock.nanoTime() + Math.round(timeout * 1e9);
  }

  /**
   * Waits on {@code cond}, whose mutex the caller holds, until {@code ready} holds or the deadline
   * passes; like a {@code while not ready: cond.wait(...)} loop. Timed waits use {@link
   * Cond#timedWait}.
   *
   * @return whether {@code ready} holds
   */
  static boolean await(Cond cond, Clock clock, long deadline, BooleanSupplier ready) {
    while (!ready.getAsBoolean()) {
      if (deadline == NO_DEADLINE) {
        cond.await();
      } else {
        long left = deadline - clock.nanoTime();
        if (left <= 0) {
          return false;
        }
        cond.timedWait(left);
      }
    }
    return true;
  }

  /** Python's checks on {@code acquire(blocking, timeout)}, shared by Lock and RLock. */
  static void checkAcquire(boolean blocking, double timeout) {
    if (!blocking && timeout != -1) {
      throw valueError("can't specify a timeout for a non-blocking call");
    }
    if (timeout < 0 && timeout != -1) {
      throw valueError("timeout value must be a non-negative number");
    }
  }
}

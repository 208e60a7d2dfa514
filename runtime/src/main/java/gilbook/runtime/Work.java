package gilbook.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * What a Python thread spends time on besides bytecode: computation, blocking I/O, sleeping, and
 * native calls. Each method is called from a Python thread and is charged to its clock.
 */
public final class Work {
  private Work() {}

  /**
   * An expensive computation that touches no Python object, for {@code duration}. It keeps the GIL
   * if the thread holds it (and then no other Python thread can run); call it with the GIL released
   * to let others run.
   */
  public static void cpu(Duration duration) {
    cpuNanos(nanos(duration, "Work.cpu"));
  }

  /** {@link #cpu(Duration)} in nanoseconds. */
  public static void cpuNanos(long nanos) {
    PyThreadState ts = PyThreadState.get();
    ts.interp.cpu(ts, "Work.cpu", checkNanos(nanos, "Work.cpu"), false);
  }

  /**
   * Blocking I/O for {@code duration} (in virtual time at least the interpreter's {@code
   * syscallLatency}). Releases the GIL while it waits, as CPython's I/O does.
   */
  public static void io(Duration duration) {
    long n = nanos(duration, "Work.io");
    PyThreadState ts = PyThreadState.get();
    ts.interp.blocking(ts, "io", () -> ts.clock.sleep(ts.interp.blockingNanos(n)));
  }

  /** {@code time.sleep(seconds)}: releases the GIL, even for {@code Duration.ZERO}. */
  public static void sleep(Duration duration) {
    long n = nanos(duration, "Work.sleep");
    PyThreadState ts = PyThreadState.get();
    ts.interp.blocking(ts, "sleep", () -> ts.clock.sleep(ts.interp.blockingNanos(n)));
  }

  /**
   * Calls a native function on {@code bytes} of input: it releases the GIL only if the input is
   * above the function's threshold, and costs the function's time either way.
   */
  public static void call(NativeFunction function, long bytes) {
    Objects.requireNonNull(function, "function must not be null");
    if (bytes < 0) {
      throw new IllegalArgumentException("bytes must be >= 0, got " + bytes);
    }
    PyThreadState ts = PyThreadState.get();
    ts.requireGil(null);
    ts.interp.cpu(ts, function.name(), function.costNanos(bytes), function.releasesGil(bytes));
  }

  private static long nanos(Duration d, String what) {
    Objects.requireNonNull(d, what + " needs a duration, got null");
    return checkNanos(d.toNanos(), what);
  }

  private static long checkNanos(long nanos, String what) {
    if (nanos < 0) {
      throw new IllegalArgumentException(what + " needs a duration >= 0, got " + nanos + " ns");
    }
    return nanos;
  }
}

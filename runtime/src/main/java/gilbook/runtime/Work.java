package gilbook.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * What a Python thread spends time on besides bytecode: computation, blocking I/O, sleeping, and
 * native calls. Each method is charged to the calling Python thread's clock.
 *
 * <p>{@link #cpu}, {@link #cpuNanos}, {@link #io} and {@link #sleep} may also be called by a Python
 * thread's helpers: the workers of a parallel stream it started, or threads it started inside
 * {@code allowThreads} / {@code detach}. Their time is charged to that Python thread, the same on
 * every run: see the notes in {@code HelperThreads}. {@link #call} runs a Python-level function and
 * needs a Python thread.
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
    long n = checkNanos(nanos, "Work.cpu");
    PyThreadState ts = PyThreadState.getOrNull();
    if (ts == null) {
      HelperThreads.cpu("Work.cpu", n);
      return;
    }
    ts.interp.work(ts, n);
  }

  /**
   * Blocking I/O for {@code duration} (in virtual time at least the interpreter's {@code
   * syscallLatency}). Releases the GIL while it waits, as CPython's I/O does.
   */
  public static void io(Duration duration) {
    long n = nanos(duration, "Work.io");
    PyThreadState ts = PyThreadState.getOrNull();
    if (ts == null) {
      HelperThreads.blocking("Work.io", n);
      return;
    }
    ts.interp.sleep(ts, "io", n);
  }

  /** {@code time.sleep(seconds)}: releases the GIL, even for {@code Duration.ZERO}. */
  public static void sleep(Duration duration) {
    long n = nanos(duration, "Work.sleep");
    PyThreadState ts = PyThreadState.getOrNull();
    if (ts == null) {
      HelperThreads.blocking("Work.sleep", n);
      return;
    }
    ts.interp.sleep(ts, "sleep", n);
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
    String what = "Work.call(" + function.name() + ")";
    PyThreadState ts = PyThreadState.get("call " + what + ", which needs the GIL");
    ts.requirePython(null, "called " + what);
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

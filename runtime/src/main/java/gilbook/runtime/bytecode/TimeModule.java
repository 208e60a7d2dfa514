package gilbook.runtime.bytecode;

import gilbook.runtime.PyLong;
import gilbook.runtime.PyNone;
import gilbook.runtime.PyThreadState;
import gilbook.runtime.Work;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The VM's {@code time} module ({@code Modules/timemodule.c}): {@code sleep}, which releases the
 * GIL for its whole length, even for 0, as CPython's {@code pysleep} does (a {@code do}-loop with
 * {@code Py_BEGIN_ALLOW_THREADS} around {@code clock_nanosleep}), through the runtime's {@link
 * Work#sleep}; and the nanosecond clocks, read from the interpreter's virtual clock. The VM has no
 * float type, so the float clocks ({@code time.time()}, {@code perf_counter()}) are left out; a
 * float literal can be passed to {@code sleep}.
 */
final class TimeModule {
  private TimeModule() {}

  /** The module's attributes. */
  static Modules.Module module() {
    return new Modules.Module(
        "time",
        Map.of(
            "sleep", new Callables.Builtin("time.sleep", Native.python(TimeModule::sleep)),
            "monotonic_ns", clock("monotonic_ns"),
            "perf_counter_ns", clock("perf_counter_ns"),
            "time_ns", clock("time_ns")));
  }

  private static Object sleep(VmContext vm, List<Object> args, List<String> kw) {
    Builtins.noKeywords("time.sleep", kw);
    Values.requireArgs("time.sleep", args.size(), 1, 1);
    double seconds = Args.seconds(args, 0, 0);
    if (seconds < 0) {
      throw new PythonError("ValueError", "sleep length must be non-negative");
    }
    Work.sleep(Duration.ofNanos(Math.round(seconds * 1e9)));
    return PyNone.get();
  }

  private static Callables.Builtin clock(String name) {
    return new Callables.Builtin(
        "time." + name,
        (vm, args, kw) -> {
          Builtins.noKeywords("time." + name, kw);
          Values.requireArgs("time." + name, args.size(), 0, 0);
          return PyLong.fromLong(PyThreadState.get().interpreter().clock().nanoTime());
        });
  }
}

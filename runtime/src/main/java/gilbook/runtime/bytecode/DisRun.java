package gilbook.runtime.bytecode;

import gilbook.runtime.Clock;
import gilbook.runtime.Interpreter;
import gilbook.runtime.PyBool;
import gilbook.runtime.PyDict;
import gilbook.runtime.PyException;
import gilbook.runtime.PyList;
import gilbook.runtime.PyLong;
import gilbook.runtime.PyNativeObject;
import gilbook.runtime.PyNone;
import gilbook.runtime.PyObject;
import gilbook.runtime.PySet;
import gilbook.runtime.PyThread;
import gilbook.runtime.PyTuple;
import gilbook.runtime.PyUnicode;
import gilbook.runtime.ShutdownReport;
import gilbook.runtime.ThreadStats;
import gilbook.runtime.Trace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs one function of a {@code dis} listing in several Python threads on a fresh virtual-time
 * interpreter, for {@code gilbook dis}. A whole-module listing ({@code python3 -m dis file.py})
 * first runs its module code in the main thread, as an import would ({@code __name__} is the file's
 * name, so an {@code if __name__ == "__main__":} block is skipped): its imports, module-level
 * assignments such as {@code lock = threading.Lock()}, and {@code def}s. The {@link #globals} are
 * set before it runs and set again after it, so they override what the module assigned, as a test
 * patches a module's globals before it calls a function. Then the entry function runs in N threads;
 * threads the listing itself starts are waited for before the run ends. With {@link #asMain()} the
 * module runs as a script instead ({@code __name__ == "__main__"}), alone in the main thread.
 * Arguments and globals are plain Java values ({@code Map}, {@code List}, {@code Long}/{@code
 * Integer}, {@code String}, {@code Boolean}, {@code null}), turned into objects that all threads
 * share, and turned back into plain values at the end.
 *
 * <pre>{@code
 * DisRun.Result r = DisRun.builder(listingText).entry("process_piece").threads(2)
 *     .args(Map.of("stat", Map.of("piece_count", 0L, "reward_count", 0L), "N", 1000L))
 *     .policy(CheckPointPolicy.PY_311).switchInterval(Duration.ofNanos(1000)).seed(7).run();
 * }</pre>
 *
 * <p>The builder is not thread-safe; {@link #run()} may be called from any thread that is not a
 * Python thread.
 */
public final class DisRun {
  /**
   * What a run ended with.
   *
   * @param args the final arguments as plain values
   * @param globals the final globals as plain values
   * @param switches how many times the GIL changed hands ({@code switch_number}), counting the main
   *     thread that started and joined the workers
   * @param threads per-thread statistics, workers and main thread
   * @param trace the interpreter's trace
   * @param errors each worker that raised, by thread name, with its message
   * @param stdout what {@code print} wrote
   * @param stderr what the threads wrote to stderr: the traceback of each uncaught Python
   *     exception, after {@code Exception in thread Thread-1 (entry):}, as {@code threading}'s
   *     {@code excepthook} prints it
   * @param instructions how many bytecodes ran in all threads
   * @param shutdown what the interpreter's shutdown found (leaks, live threads)
   * @param seed the seed of the virtual clock
   */
  public record Result(
      Map<String, Object> args,
      Map<String, Object> globals,
      long switches,
      List<ThreadStats> threads,
      Trace trace,
      Map<String, String> errors,
      String stdout,
      String stderr,
      long instructions,
      ShutdownReport shutdown,
      long seed) {}

  private final Listing listing;
  private String entry;
  private int threads = 2;
  private Map<String, Object> args = Map.of();
  private Map<String, Object> globals = Map.of();
  private CheckPointPolicy policy = CheckPointPolicy.PY_311;
  private Duration switchInterval = Duration.ofMillis(5);
  private long seed = 1;
  private long budget = 50_000_000;
  private double jitter = 0.5;
  private boolean asMain;

  private DisRun(Listing listing) {
    this.listing = listing;
  }

  /**
   * A run of {@code listingText}, with 2 threads, the 3.11 policy, a 5 ms interval, seed 1 and a
   * budget of 50 million bytecodes.
   *
   * @throws ListingException if the listing cannot be read
   */
  public static DisRun builder(String listingText) {
    return new DisRun(Listing.parse(listingText));
  }

  /** A run of an already parsed listing. */
  public static DisRun builder(Listing listing) {
    return new DisRun(Objects.requireNonNull(listing, "listing must not be null"));
  }

  /** The function each thread runs; by default the listing's only function. */
  public DisRun entry(String name) {
    this.entry = Objects.requireNonNull(name, "entry must not be null");
    listing.function(name);
    return this;
  }

  /** How many Python threads run the entry function, 1 to 64. */
  public DisRun threads(int n) {
    if (n < 1 || n > 64) {
      throw new IllegalArgumentException("threads must be 1 to 64, got " + n);
    }
    this.threads = n;
    return this;
  }

  /** The entry function's arguments by parameter name, as plain values. */
  public DisRun args(Map<String, Object> args) {
    this.args = Objects.requireNonNull(args, "args must not be null");
    return this;
  }

  /** The module globals, as plain values. */
  public DisRun globals(Map<String, Object> globals) {
    this.globals = Objects.requireNonNull(globals, "globals must not be null");
    return this;
  }

  /** Where threads check the eval breaker. */
  public DisRun policy(CheckPointPolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy must not be null");
    return this;
  }

  /** {@code sys.setswitchinterval}, positive. */
  public DisRun switchInterval(Duration interval) {
    Objects.requireNonNull(interval, "switchInterval must not be null");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("switchInterval must be positive, got " + interval);
    }
    this.switchInterval = interval;
    return this;
  }

  /** The virtual clock's seed. */
  public DisRun seed(long seed) {
    this.seed = seed;
    return this;
  }

  /** The most bytecodes all threads together may run, positive. */
  public DisRun instructionBudget(long budget) {
    if (budget <= 0) {
      throw new IllegalArgumentException("instructionBudget must be positive, got " + budget);
    }
    this.budget = budget;
    return this;
  }

  /** Random instruction costs, 0 to 1 (0.5 by default, so that seeds matter). */
  public DisRun jitter(double jitter) {
    this.jitter = jitter;
    return this;
  }

  /**
   * Runs the listing's module code as a script, {@code __name__ == "__main__"}, in the main thread
   * only: no entry function, no worker threads; the module starts its own threads.
   *
   * @throws IllegalArgumentException if the listing has no module code
   */
  public DisRun asMain() {
    if (!listing.functions().containsKey("<module>")) {
      throw new IllegalArgumentException(
          "the listing has no module code to run as __main__; make it with python3 -m dis"
              + " file.py. It has "
              + listing.functions().keySet());
    }
    this.asMain = true;
    return this;
  }

  /** Runs the entry function in every thread and returns what happened. */
  public Result run() {
    boolean module = listing.functions().containsKey("<module>");
    String entryName = asMain ? null : entry != null ? entry : listing.defaultEntry().name();
    Map<String, Object> finalArgs = new LinkedHashMap<>();
    Map<String, Object> finalGlobals = new LinkedHashMap<>();
    long[] instructions = new long[1];
    String[] mainError = new String[1];
    StringBuilder out = new StringBuilder();
    StringBuilder err = new StringBuilder();
    Map<String, String> raised = new LinkedHashMap<>();
    Interpreter interp =
        Interpreter.builder()
            .clock(Clock.virtual(seed))
            .jitter(jitter)
            .switchInterval(switchInterval)
            .evalBreakerPolicy(policy.evalBreakerPolicy())
            .build();
    try {
      interp.run(
          () -> {
            PyDict g = (PyDict) toPy(globals);
            Map<String, PyObject> a = new LinkedHashMap<>();
            args.forEach((k, v) -> a.put(k, toPy(v)));
            BytecodeVM vm = new BytecodeVM(listing, g, policy, budget, out::append, err::append);
            boolean moduleRan = true;
            if (module) {
              try {
                vm.runModule(asMain ? "__main__" : moduleName(listing));
              } catch (PythonError | PyException e) {
                mainError[0] = e.getMessage();
                moduleRan = false;
              }
            }
            if (module && moduleRan && !asMain) {
              globals.forEach( // override what the module assigned, before the entry runs
                  (k, v) -> {
                    PyObject key = toPy(k);
                    PyObject val = toPy(v);
                    g.storeItem(key, val);
                    key.decref();
                    val.decref();
                  });
            }
            List<PyThread> workers = new ArrayList<>();
            for (int i = 1; moduleRan && !asMain && i <= threads; i++) {
              String name = "Thread-" + vm.nextNumber("Thread");
              workers.add(
                  interp.start(
                      name,
                      () -> {
                        try {
                          vm.callWithNames(entryName, a).decref();
                        } catch (PythonError e) {
                          // threading's excepthook: this thread ends, the others go on. Its
                          // default name for Thread(target=f) is "Thread-N (f)".
                          err.append(e.formatThreadException(name + " (" + entryName + ")"));
                          raised.put(name, e.getMessage());
                        }
                      }));
            }
            workers.forEach(PyThread::join);
            // threading._shutdown: wait for every thread the listing started, and theirs
            for (int joined = 0; joined < vm.startedThreads().size(); joined++) {
              vm.startedThreads().get(joined).join();
            }
            a.forEach((k, v) -> finalArgs.put(k, toJava(v)));
            for (Map.Entry<PyObject, PyObject> e : g.itemsView()) {
              String key = (String) toJava(e.getKey());
              // data only: not __name__, nor the locks, queues and threads the module made
              if (!key.equals("__name__") && !(e.getValue() instanceof PyNativeObject)) {
                finalGlobals.put(key, toJava(e.getValue()));
              }
            }
            instructions[0] = vm.instructionsRun();
            vm.close();
            a.values().forEach(PyObject::decref);
            g.decref();
          });
    } finally {
      interp.close();
    }
    Map<String, String> errors = new LinkedHashMap<>();
    if (mainError[0] != null) {
      errors.put("MainThread", mainError[0]);
    }
    errors.putAll(raised);
    interp
        .threadExceptions()
        .forEach(
            (name, t) -> {
              if (!name.equals("MainThread")) { // the workers and the threads the listing started
                errors.put(name, t.getMessage() == null ? t.toString() : t.getMessage());
              }
            });
    return new Result(
        finalArgs,
        finalGlobals,
        interp.gil().switchNumber(),
        interp.threadStats(),
        interp.trace(),
        errors,
        out.toString(),
        err.toString(),
        instructions[0],
        interp.shutdown(),
        seed);
  }

  private static final java.util.regex.Pattern FILE =
      java.util.regex.Pattern.compile("file \"(?:.*/)?([^\"/]+?)(?:\\.py)?\", line");

  /**
   * The module's {@code __name__} when it is imported: the file name in a code object's header
   * ({@code file "reward.py"} gives {@code reward}), or {@code listing} if none names one.
   */
  static String moduleName(Listing listing) {
    java.util.regex.Matcher m = FILE.matcher(listing.text());
    return m.find() ? m.group(1) : "listing";
  }

  /** A plain Java value as a new reference to an object. */
  static PyObject toPy(Object v) {
    if (v == null) {
      return PyNone.get();
    }
    if (v instanceof Boolean b) {
      return PyBool.of(b);
    }
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return PyLong.fromLong(((Number) v).longValue());
    }
    if (v instanceof String s) {
      return PyUnicode.of(s);
    }
    if (v instanceof List<?> l) {
      PyList list = PyList.empty();
      for (Object item : l) {
        PyObject o = toPy(item);
        list.appendItem(o);
        o.decref();
      }
      return list;
    }
    if (v instanceof Map<?, ?> m) {
      PyDict dict = PyDict.empty();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        PyObject k = toPy(e.getKey());
        PyObject val = toPy(e.getValue());
        dict.storeItem(k, val);
        k.decref();
        val.decref();
      }
      return dict;
    }
    throw new IllegalArgumentException(
        "cannot turn a "
            + v.getClass().getSimpleName()
            + " ("
            + v
            + ") into a Python object; use Map, List, Long, String, Boolean or null"
            + (v instanceof Double || v instanceof Float ? " (the VM has no float)" : ""));
  }

  /** An object as a plain Java value; tuples and sets become lists. */
  static Object toJava(PyObject o) {
    if (o instanceof PyNone) {
      return null;
    }
    if (o instanceof PyBool b) {
      return b.value();
    }
    if (o instanceof PyLong n) {
      return n.asLong();
    }
    if (o instanceof PyUnicode s) {
      return s.value();
    }
    if (o instanceof PyList l) {
      List<Object> out = new ArrayList<>();
      for (PyObject item : l.itemsView()) {
        out.add(toJava(item));
      }
      return out;
    }
    if (o instanceof PyDict d) {
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Map.Entry<PyObject, PyObject> e : d.itemsView()) {
        out.put(toJava(e.getKey()), toJava(e.getValue()));
      }
      return out;
    }
    if (o instanceof PyTuple t) { // a tuple or a set comes back as a list: JSON has no other
      return t.itemsView().stream().map(DisRun::toJava).toList();
    }
    if (o instanceof PySet s) {
      return s.itemsView().stream().map(DisRun::toJava).toList();
    }
    return o.repr();
  }
}

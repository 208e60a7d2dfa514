package gilbook.runtime.bytecode;

import gilbook.runtime.PyBool;
import gilbook.runtime.PyLong;
import gilbook.runtime.PyNone;
import gilbook.runtime.PyThread;
import gilbook.runtime.PyThreadState;
import gilbook.runtime.PyUnicode;
import gilbook.runtime.threading.BoundedSemaphore;
import gilbook.runtime.threading.Condition;
import gilbook.runtime.threading.Event;
import gilbook.runtime.threading.Lock;
import gilbook.runtime.threading.RLock;
import gilbook.runtime.threading.Semaphore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The VM's {@code threading} module ({@code Lib/threading.py}): {@code Lock}, {@code RLock}, {@code
 * Condition}, {@code Semaphore}, {@code BoundedSemaphore}, {@code Event} and {@code Thread}, each
 * an instance of a {@link Native.Type} over the runtime's primitive of the same name ({@code
 * gilbook.runtime.threading}), which releases the GIL while it blocks, as CPython's do. The locks,
 * conditions and semaphores are context managers ({@code with lock:}): {@code __enter__} is {@code
 * acquire()}, {@code __exit__} is {@code release()}.
 *
 * <p>Arguments are positional (3.11's {@code dis} does not print keyword names), except {@code
 * Thread}, whose keywords the VM recovers from the values' types (see {@link #thread}). Each
 * instance is a simulated object with a reference count ({@link Native}).
 */
final class ThreadingModule {
  private ThreadingModule() {}

  /** A method body that gets its {@code self}'s runtime object and the other arguments. */
  @FunctionalInterface
  private interface Method<T> {
    Object call(VmContext vm, T self, List<Object> args);
  }

  private static <T> Callables.Body method(Class<T> type, Method<T> body) {
    return (vm, args, kw) -> {
      Builtins.noKeywords(type.getSimpleName() + " methods", kw);
      T self = Native.self(args, type);
      return body.call(vm, self, args.subList(1, args.size()));
    };
  }

  private static Object bool(boolean b) {
    return PyBool.of(b);
  }

  private static final Native.Type LOCK =
      Native.Type.of(
          "lock",
          Map.of(
              "acquire",
              method(Lock.class, (vm, l, a) -> bool(lockAcquire(l, a))),
              "release",
              method(Lock.class, (vm, l, a) -> none(l::release)),
              "locked",
              method(Lock.class, (vm, l, a) -> bool(l.locked())),
              "__enter__",
              method(Lock.class, (vm, l, a) -> bool(l.acquire())),
              "__exit__",
              method(Lock.class, (vm, l, a) -> none(l::release))));

  private static final Native.Type RLOCK =
      Native.Type.of(
          "RLock",
          Map.of(
              "acquire",
              method(RLock.class, (vm, l, a) -> bool(rlockAcquire(l, a))),
              "release",
              method(RLock.class, (vm, l, a) -> none(l::release)),
              "__enter__",
              method(RLock.class, (vm, l, a) -> bool(l.acquire())),
              "__exit__",
              method(RLock.class, (vm, l, a) -> none(l::release))));

  private static final Native.Type CONDITION =
      Native.Type.of(
          "Condition",
          Map.of(
              "acquire",
              method(Condition.class, (vm, c, a) -> bool(c.acquire())),
              "release",
              method(Condition.class, (vm, c, a) -> none(c::release)),
              "wait",
              method(
                  Condition.class,
                  (vm, c, a) -> bool(c.await(Args.seconds(a, 0, Double.POSITIVE_INFINITY)))),
              "wait_for",
              method(Condition.class, ThreadingModule::waitFor),
              "notify",
              method(Condition.class, (vm, c, a) -> none(() -> c.signal(Args.count(a, 0, 1)))),
              "notify_all",
              method(Condition.class, (vm, c, a) -> none(c::signalAll)),
              "__enter__",
              method(Condition.class, (vm, c, a) -> bool(c.acquire())),
              "__exit__",
              method(Condition.class, (vm, c, a) -> none(c::release))));

  private static Map<String, Callables.Body> semaphoreMethods() {
    return Map.of(
        "acquire",
        method(Semaphore.class, (vm, s, a) -> bool(semaphoreAcquire(s, a))),
        "release",
        method(Semaphore.class, (vm, s, a) -> none(() -> s.release(Args.count(a, 0, 1)))),
        "__enter__",
        method(Semaphore.class, (vm, s, a) -> bool(s.acquire())),
        "__exit__",
        method(Semaphore.class, (vm, s, a) -> none(s::release)));
  }

  private static final Native.Type SEMAPHORE = Native.Type.of("Semaphore", semaphoreMethods());
  private static final Native.Type BOUNDED_SEMAPHORE =
      Native.Type.of("BoundedSemaphore", semaphoreMethods());

  private static final Native.Type EVENT =
      Native.Type.of(
          "Event",
          Map.of(
              "set",
              method(Event.class, (vm, e, a) -> none(e::set)),
              "clear",
              method(Event.class, (vm, e, a) -> none(e::clear)),
              "is_set",
              method(Event.class, (vm, e, a) -> bool(e.isSet())),
              "wait",
              method(
                  Event.class,
                  (vm, e, a) -> bool(e.await(Args.seconds(a, 0, Double.POSITIVE_INFINITY))))));

  private static final Native.Type THREAD =
      Native.Type.of(
          "Thread",
          Map.of(
              "start",
              method(VmThread.class, (vm, t, a) -> none(() -> t.start(vm))),
              "join",
              method(VmThread.class, (vm, t, a) -> none(() -> t.join(a))),
              "is_alive",
              method(VmThread.class, (vm, t, a) -> bool(t.isAlive()))),
          Map.of("name", t -> PyUnicode.of(((VmThread) t).name), "daemon", t -> PyBool.of(false)));

  /** The module's attributes. */
  static Modules.Module module() {
    Map<String, Object> attrs = new LinkedHashMap<>();
    attrs.put("Lock", constructor("Lock", (vm, a) -> new Lock(name(vm, "lock"))));
    attrs.put("RLock", constructor("RLock", (vm, a) -> new RLock(name(vm, "RLock"))));
    attrs.put("Condition", constructor("Condition", ThreadingModule::condition));
    attrs.put(
        "Semaphore",
        constructor(
            "Semaphore", (vm, a) -> new Semaphore(name(vm, "Semaphore"), Args.count(a, 0, 1))));
    attrs.put(
        "BoundedSemaphore",
        constructor(
            "BoundedSemaphore",
            (vm, a) -> new BoundedSemaphore(name(vm, "BoundedSemaphore"), Args.count(a, 0, 1))));
    attrs.put("Event", constructor("Event", (vm, a) -> new Event(name(vm, "Event"))));
    attrs.put(
        "current_thread",
        new Callables.Builtin(
            "threading.current_thread",
            (vm, a, kw) -> {
              Builtins.noKeywords("threading.current_thread", kw);
              Values.requireArgs("threading.current_thread", a.size(), 0, 0);
              return Native.make(THREAD, VmThread.current());
            }));
    attrs.put(
        "get_ident",
        new Callables.Builtin(
            "threading.get_ident",
            (vm, a, kw) -> {
              Builtins.noKeywords("threading.get_ident", kw);
              Values.requireArgs("threading.get_ident", a.size(), 0, 0);
              return PyLong.fromLong(PyThreadState.get().id());
            }));
    attrs.put(
        "Thread", new Callables.Builtin("threading.Thread", (vm, a, kw) -> thread(vm, a, kw)));
    return new Modules.Module("threading", attrs);
  }

  @FunctionalInterface
  private interface Make {
    Object make(VmContext vm, List<Object> args);
  }

  private static Callables.Builtin constructor(String name, Make make) {
    return new Callables.Builtin(
        "threading." + name,
        Native.python(
            (vm, args, kw) -> {
              Builtins.noKeywords("threading." + name, kw);
              Object target = make.make(vm, args);
              return Native.make(typeOf(target), target);
            }));
  }

  private static Native.Type typeOf(Object target) {
    if (target instanceof Lock) {
      return LOCK;
    }
    if (target instanceof RLock) {
      return RLOCK;
    }
    if (target instanceof Condition) {
      return CONDITION;
    }
    if (target instanceof BoundedSemaphore) {
      return BOUNDED_SEMAPHORE;
    }
    if (target instanceof Semaphore) {
      return SEMAPHORE;
    }
    if (target instanceof Event) {
      return EVENT;
    }
    return THREAD;
  }

  /** A name for a runtime primitive, such as {@code lock-1}: shown in the trace and deadlocks. */
  private static String name(VmContext vm, String kind) {
    return kind + "-" + vm.nextNumber(kind);
  }

  private static Object none(Runnable r) {
    r.run();
    return PyNone.get();
  }

  /** {@code lock.acquire(blocking=True, timeout=-1)}. */
  private static boolean lockAcquire(Lock l, List<Object> a) {
    Args.atMost("acquire", a, 2);
    return l.acquire(Args.flag(a, 0, true), Args.seconds(a, 1, -1));
  }

  /** {@code rlock.acquire(blocking=True, timeout=-1)}. */
  private static boolean rlockAcquire(RLock l, List<Object> a) {
    Args.atMost("acquire", a, 2);
    return l.acquire(Args.flag(a, 0, true), Args.seconds(a, 1, -1));
  }

  /** {@code sem.acquire(blocking=True, timeout=None)}. */
  private static boolean semaphoreAcquire(Semaphore s, List<Object> a) {
    Args.atMost("acquire", a, 2);
    boolean blocking = Args.flag(a, 0, true);
    if (!blocking) {
      if (Args.given(a, 1)) {
        throw new PythonError("ValueError", "can't specify timeout for non-blocking acquire");
      }
      return s.acquire(false);
    }
    return s.acquire(Args.seconds(a, 1, Double.POSITIVE_INFINITY));
  }

  /** {@code Condition(lock=None)}: over the given Lock or RLock, or a new RLock. */
  private static Condition condition(VmContext vm, List<Object> a) {
    Args.atMost("Condition", a, 1);
    String name = name(vm, "Condition");
    if (!Args.given(a, 0)) {
      return new Condition(PyThreadState.get().interpreter(), name);
    }
    Native.Obj o = Native.of(a.get(0));
    if (o != null && o.target() instanceof Lock l) {
      return new Condition(name, l);
    }
    if (o != null && o.target() instanceof RLock l) {
      return new Condition(name, l);
    }
    throw new PythonError(
        "TypeError",
        "the VM's Condition takes a threading.Lock or RLock, not a " + Values.typeName(a.get(0)));
  }

  /** {@code cond.wait_for(predicate, timeout=None)}: the predicate is called with the lock held. */
  private static Object waitFor(VmContext vm, Condition c, List<Object> a) {
    Args.atMost("wait_for", a, 2);
    if (a.isEmpty()) {
      throw new PythonError("TypeError", "wait_for() missing required argument 'predicate'");
    }
    Object predicate = a.get(0);
    boolean ok =
        c.waitFor(
            () -> {
              Object r = vm.callObject(predicate, List.of());
              try {
                return Values.truth(r);
              } finally {
                Values.release(r);
              }
            },
            Args.seconds(a, 1, Double.POSITIVE_INFINITY));
    return PyBool.of(ok);
  }

  /**
   * {@code Thread(group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None)}.
   * 3.11's {@code dis} prints {@code KW_NAMES} without the names, so for {@code Thread(target=f,
   * args=(x,))} the VM cannot read which argument is which; but each parameter takes its own type,
   * so the VM assigns every argument, positional or keyword, by its type: a function is {@code
   * target}, a tuple or list {@code args}, a str {@code name}. Keyword arguments to the target
   * ({@code kwargs}) and daemon threads are refused.
   */
  private static Object thread(VmContext vm, List<Object> a, List<String> kw) {
    Object target = null;
    Object args = null;
    String name = null;
    boolean byType = !kw.isEmpty();
    for (int i = 0; i < a.size(); i++) {
      Object v = a.get(i);
      if (v instanceof PyNone) {
        continue;
      }
      String param = byType ? paramOfType(v) : positional(i);
      switch (param) {
        case "target" -> target = v;
        case "args" -> args = v;
        case "name" -> name = Values.str(v);
        case "group" ->
            throw new PythonError("AssertionError", "group argument must be None for now");
        default ->
            throw new PythonError(
                "TypeError",
                "the VM's Thread takes target, args and name (as "
                    + "Thread(target=f, args=(x, y)) or Thread(None, f, None, (x, y))); it has"
                    + " no "
                    + param
                    + " (a "
                    + Values.typeName(v)
                    + " was given)");
      }
    }
    List<Object> owned = new ArrayList<>();
    if (args != null) {
      Iterators.VmIterator it = Iterators.iterator(Values.newRef(args));
      try {
        for (Object item = it.next(); item != null; item = it.next()) {
          owned.add(item);
        }
      } finally {
        it.release();
      }
    }
    int n = vm.nextNumber("Thread");
    String fullName =
        name != null
            ? name
            : "Thread-"
                + n
                + (target instanceof Callables.Function f ? " (" + f.code().name() + ")" : "");
    VmThread t = new VmThread(Values.newRef(target), owned, fullName);
    vm.atClose(t::dropUnstarted);
    return Native.make(THREAD, t);
  }

  private static String positional(int i) {
    return switch (i) {
      case 0 -> "group";
      case 1 -> "target";
      case 2 -> "name";
      case 3 -> "args";
      case 4 -> "kwargs";
      default -> "argument " + (i + 1);
    };
  }

  private static String paramOfType(Object v) {
    if (v instanceof Callables.Function
        || v instanceof Callables.Builtin
        || v instanceof Callables.BoundMethod) {
      return "target";
    }
    String type = Values.typeName(v);
    return switch (type) {
      case "tuple", "list" -> "args";
      case "str" -> "name";
      case "dict" -> "kwargs";
      case "bool" -> "daemon";
      default -> "parameter for a " + type;
    };
  }

  /** A {@code threading.Thread} of the listing: its target and the arguments it owns. */
  static final class VmThread {
    private final Object target;
    private final List<Object> args;
    private final String name;
    private PyThread handle;
    private final boolean running; // current_thread(): a thread already running, not made here

    VmThread(Object target, List<Object> args, String name) {
      this(target, args, name, false);
    }

    private VmThread(Object target, List<Object> args, String name, boolean running) {
      this.target = target;
      this.args = args;
      this.name = name;
      this.running = running;
    }

    /** {@code threading.current_thread()}: the calling thread, by its name. */
    static VmThread current() {
      return new VmThread(null, List.of(), PyThreadState.get().name(), true);
    }

    boolean isAlive() {
      return running || handle != null && handle.isAlive();
    }

    void start(VmContext vm) {
      if (handle != null || running) {
        throw new PythonError("RuntimeError", "threads can only be started once");
      }
      handle =
          PyThreadState.get()
              .interpreter()
              .start(
                  name,
                  () -> {
                    // Thread.run: call the target, then drop target and args (CPython's
                    // `finally: del self._target, self._args, self._kwargs`).
                    try {
                      if (target != null) {
                        Values.release(vm.callObject(target, args));
                      }
                    } catch (PythonError e) {
                      // threading.excepthook: the traceback goes to stderr and this thread ends;
                      // rethrown so that the run's errors name it, as for the entry's threads
                      vm.printError(e.formatThreadException(name));
                      throw e;
                    } finally {
                      args.forEach(Values::release);
                      Values.release(target);
                    }
                  });
      vm.started(handle);
    }

    void join(List<Object> a) {
      if (Args.given(a, 0)) {
        throw new PythonError(
            "SystemError", "the VM's Thread.join takes no timeout; call join() without one");
      }
      if (running && name.equals(PyThreadState.get().name())
          || handle != null
              && handle.isAlive()
              && handle.name().equals(PyThreadState.get().name())) {
        throw new PythonError("RuntimeError", "cannot join current thread");
      }
      if (handle == null) {
        throw new PythonError(
            "RuntimeError",
            running
                ? "the VM cannot join "
                    + name
                    + " from here; join the Thread object that started it"
                : "cannot join thread before it is started");
      }
      handle.join();
    }

    /** At the VM's end: a thread never started still owns its target and arguments. */
    void dropUnstarted() {
      if (handle == null) {
        args.forEach(Values::release);
        Values.release(target);
      }
    }
  }
}

package gilbook.runtime.bytecode;

import static gilbook.runtime.bytecode.Values.asObject;
import static gilbook.runtime.bytecode.Values.newRef;
import static gilbook.runtime.bytecode.Values.release;
import static gilbook.runtime.bytecode.Values.releaseAll;

import gilbook.runtime.Eval;
import gilbook.runtime.PyBool;
import gilbook.runtime.PyCell;
import gilbook.runtime.PyDict;
import gilbook.runtime.PyException;
import gilbook.runtime.PyList;
import gilbook.runtime.PyLong;
import gilbook.runtime.PyNone;
import gilbook.runtime.PyObject;
import gilbook.runtime.PySet;
import gilbook.runtime.PyThreadState;
import gilbook.runtime.PyTuple;
import gilbook.runtime.PyUnicode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Runs the functions of a {@link Listing} on the runtime's objects, in the calling Python thread.
 *
 * <p>Each bytecode is one runtime instruction: {@code Eval.backEdge()} where the {@link
 * CheckPointPolicy} checks the eval breaker, {@code Eval.instruction()} elsewhere. So the GIL, the
 * trace and the thread statistics see the bytecode exactly as they see hand-written simulated code.
 *
 * <p>Reference counts follow CPython: the value stack and the locals own references; {@code
 * LOAD_CONST} and {@code LOAD_FAST} incref, {@code POP_TOP} and consumed operands decref, a
 * container stores its own reference, {@code dict[key]} lends a borrowed one that {@code
 * BINARY_SUBSCR} increfs. Constants and the name strings are made once, when the VM is built, and
 * released by {@link #close()}. Functions, builtins, bound methods, {@code range} objects and
 * iterators are not simulated objects (they have no count of their own); a list iterator owns a
 * reference to its list.
 *
 * <p>The eval loop ({@code run}) is this class, one {@code case} per opcode, each named after the
 * {@code TARGET} of CPython 3.11's {@code Python/ceval.c} it models. What the opcodes work on lives
 * beside it: {@link Values} (references, truth, conversions), {@link Operators}, {@link Builtins},
 * {@link Methods}, {@link Iterators}, and {@link Constants} (the values a listing prints).
 *
 * <p>Build it, call it and close it in Python threads of one interpreter; several threads may run
 * its functions at once, as they hold the GIL in turn. Not otherwise thread-safe.
 */
public final class BytecodeVM implements AutoCloseable, VmContext {
  /** How deep Python calls may nest before {@code RecursionError}. */
  public static final int MAX_DEPTH = 200;

  private final Listing listing;
  private final PyDict globals;
  private final CheckPointPolicy policy;
  private final long budget;
  private final Map<DisFunction, Map<Integer, Object>> constants = new HashMap<>();
  private final Map<String, PyUnicode> names = new HashMap<>();
  private final Consumer<String> stdout;
  private final Consumer<String> stderr;
  private long instructionsRun;
  private final Quickening311 quickening = new Quickening311();
  // The exception each Python thread is handling (CPython's tstate->exc_info->exc_value).
  private final ThreadLocal<ExcInfo> excInfo = ThreadLocal.withInitial(ExcInfo::new);
  private boolean closed;
  // Module-level names bound to VM values (modules, functions, locks), which a PyDict cannot hold.
  // The globals dict is looked up first, so a name later rebound to an object shadows its entry.
  private final Map<String, Object> vmGlobals = new HashMap<>();
  private final Map<String, Modules.Module> modules = new HashMap<>();
  private final Map<String, Integer> numbers = new HashMap<>();
  private final List<Runnable> closers = new ArrayList<>();
  private final List<gilbook.runtime.PyThread> startedThreads = new ArrayList<>();

  /**
   * A VM for {@code listing} whose module globals are {@code globals} (borrowed: the caller keeps
   * it alive until {@link #close()}). Must run in a Python thread that holds the GIL.
   *
   * @param budget the most bytecodes all calls together may run
   * @param stdout where {@code print} writes, one call per printed line (with its end)
   * @param stderr where the traceback of an exception that ends a thread the listing started is
   *     written
   * @throws ListingException if a constant cannot be read
   */
  public BytecodeVM(
      Listing listing,
      PyDict globals,
      CheckPointPolicy policy,
      long budget,
      Consumer<String> stdout,
      Consumer<String> stderr) {
    this.listing = Objects.requireNonNull(listing, "listing must not be null");
    this.globals = Objects.requireNonNull(globals, "globals must not be null");
    this.policy = Objects.requireNonNull(policy, "policy must not be null");
    this.stdout = Objects.requireNonNull(stdout, "stdout must not be null");
    this.stderr = Objects.requireNonNull(stderr, "stderr must not be null");
    if (budget <= 0) {
      throw new IllegalArgumentException("budget must be positive, got " + budget);
    }
    this.budget = budget;
    for (DisFunction f : listing.functions().values()) {
      Map<Integer, Object> consts = new HashMap<>();
      for (Instruction in : f.instructions()) {
        switch (in.opcode()) {
          case LOAD_CONST ->
              consts.computeIfAbsent(in.arg(), k -> Constants.constant(in, listing.functions()));
          case LOAD_GLOBAL,
              STORE_GLOBAL,
              LOAD_NAME,
              STORE_NAME,
              LOAD_METHOD,
              LOAD_ATTR,
              IMPORT_NAME,
              IMPORT_FROM ->
              names.computeIfAbsent(Constants.name(in), PyUnicode::of);
          default -> {}
        }
      }
      constants.put(f, consts);
    }
  }

  /** The listing this VM runs. */
  public Listing listing() {
    return listing;
  }

  /** How many bytecodes have run so far, in all threads. */
  public long instructionsRun() {
    return instructionsRun;
  }

  /**
   * Calls {@code function} with positional arguments (borrowed) and returns a new reference to its
   * result.
   *
   * @throws PythonError for Python errors ({@code KeyError}, {@code TypeError}, ...)
   * @throws InstructionBudgetExceeded when the budget runs out
   */
  public PyObject call(String function, List<PyObject> args) {
    DisFunction f = listing.function(function);
    Object[] locals = new Object[Math.max(f.localCount(), args.size())];
    if (args.size() != f.argCount()) {
      throw new PythonError(
          "TypeError",
          f.name()
              + "() takes "
              + f.argCount()
              + " positional arguments "
              + f.parameterNames()
              + " but "
              + args.size()
              + " were given");
    }
    for (int i = 0; i < args.size(); i++) {
      locals[i] = args.get(i).incref();
    }
    Object result = run(f, locals, 0);
    if (result instanceof PyObject o) {
      return o;
    }
    release(result); // a generator (the entry is a generator function) or another VM value
    return PyNone.get().incref();
  }

  /**
   * Calls {@code function} binding its parameters by name from {@code args} (borrowed) and returns
   * a new reference to its result.
   *
   * @throws PythonError {@code TypeError} when a parameter is missing or a name is not one
   */
  public PyObject callWithNames(String function, Map<String, PyObject> args) {
    DisFunction f = listing.function(function);
    List<String> params = f.parameterNames();
    for (String name : args.keySet()) {
      if (!params.contains(name)) {
        throw new PythonError(
            "TypeError",
            f.name()
                + "() got an unexpected argument '"
                + name
                + "'; its parameters are "
                + params
                + " (as far as the listing shows: dis does not print them, so a parameter the"
                + " function never reads is not seen)");
      }
    }
    List<PyObject> positional = new ArrayList<>();
    for (String p : params) {
      PyObject v = args.get(p);
      if (v == null) {
        throw new PythonError("TypeError", f.name() + "() missing required argument '" + p + "'");
      }
      positional.add(v);
    }
    return call(function, positional);
  }

  /** Releases the constants and names. Call it in a Python thread, once every call has ended. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    closers.forEach(Runnable::run);
    vmGlobals.values().forEach(Values::release);
    vmGlobals.clear();
    for (Map<Integer, Object> consts : constants.values()) {
      consts.values().forEach(Values::release);
    }
    names.values().forEach(PyObject::decref);
  }

  @Override
  public void print(String text) {
    stdout.accept(text);
  }

  @Override
  public void printError(String text) {
    stderr.accept(text);
  }

  /**
   * Runs the listing's module code ({@code <module>}) with {@code __name__} set to {@code
   * moduleName}: its imports, assignments and {@code def}s bind the module's globals, as {@code
   * python3 file.py} or an import would. Call it once, before the functions run.
   *
   * @throws IllegalStateException if the listing has no module code
   * @throws PythonError for a Python error in the module code
   */
  public void runModule(String moduleName) {
    DisFunction module = listing.functions().get("<module>");
    if (module == null) {
      throw new IllegalStateException(
          "the listing has no module code; it has " + listing.functions().keySet());
    }
    storeName("__name__", PyUnicode.of(moduleName));
    release(run(module, new Object[module.localCount()], 0));
  }

  /** The threads the listing started with {@code threading.Thread(...).start()}, in order. */
  public List<gilbook.runtime.PyThread> startedThreads() {
    return List.copyOf(startedThreads);
  }

  @Override
  public Object callObject(Object callable, List<Object> args) {
    if (callable instanceof Callables.Function fn) {
      DisFunction f = fn.code();
      if (args.size() != f.argCount()) {
        throw new PythonError(
            "TypeError",
            f.name()
                + "() takes "
                + f.argCount()
                + " positional arguments but "
                + args.size()
                + " were given");
      }
      Object[] locals = new Object[Math.max(f.localCount(), args.size())];
      for (int i = 0; i < args.size(); i++) {
        locals[i] = newRef(args.get(i));
      }
      return run(f, locals, 0);
    }
    return callBuiltin(callable, args, List.of());
  }

  @Override
  public int nextNumber(String kind) {
    return numbers.merge(kind, 1, Integer::sum);
  }

  @Override
  public void atClose(Runnable action) {
    closers.add(action);
  }

  @Override
  public void started(gilbook.runtime.PyThread thread) {
    startedThreads.add(thread);
  }

  // ---------------------------------------------------------------- the eval loop

  /** A Python thread's {@code exc_info}: the exception it is handling, or null. */
  private static final class ExcInfo {
    PyThreadState owner;
    PythonError value;
  }

  /**
   * The calling Python thread's {@code exc_info}. Python threads run on pooled Java threads, so the
   * thread-local is checked against the Python thread: a new thread handles nothing.
   */
  private ExcInfo excInfo() {
    ExcInfo info = excInfo.get();
    PyThreadState ts = PyThreadState.get();
    if (info.owner != ts) {
      info.owner = ts;
      info.value = null;
    }
    return info;
  }

  /** Where a frame's evaluation stopped on an error, and resumes at a handler. */
  private static final class FrameState {
    Object[] stack = new Object[16];
    int sp;
    int pc;
  }

  private Object run(DisFunction f, Object[] locals, int depth) {
    return run(f, locals, depth, null);
  }

  /** Runs a generator's frame from where it stopped ({@link Generator#send}). */
  Object resume(Generator g) {
    return run(g.code, g.locals, g.depth, g);
  }

  /**
   * Runs a frame: {@link #eval} until it returns (or, for a generator's frame, {@code gen}, until
   * it yields), or until an error that the frame's exception table has no handler for ends it
   * (CPython's {@code exception_unwind}: pop the stack to the handler's depth, push lasti if asked,
   * push the exception, jump). A generator's frame takes up its stack and next instruction.
   */
  private Object run(DisFunction f, Object[] locals, int depth, Generator gen) {
    if (depth >= MAX_DEPTH) {
      releaseAll(locals, locals.length);
      // 3.11's _Py_CheckRecursiveCall for a Python frame; the caller's CALL is what raised
      throw new PythonError("RecursionError", "maximum recursion depth exceeded");
    }
    FrameState frame = new FrameState();
    if (gen != null) {
      frame.stack = gen.stack;
      frame.sp = gen.sp;
      frame.pc = gen.pc;
    }
    while (true) {
      try {
        return eval(f, locals, depth, frame, gen);
      } catch (PythonError e) {
        if (!unwind(f, frame, e)) {
          releaseAll(frame.stack, frame.sp);
          releaseAll(locals, locals.length);
          throw e;
        }
      }
    }
  }

  private Object eval(DisFunction f, Object[] locals, int depth, FrameState frame, Generator gen) {
    List<Instruction> code = f.instructions();
    Map<Integer, Object> consts = constants.get(f);
    Object[] stack = frame.stack;
    int sp = frame.sp;
    int pc = frame.pc;
    boolean tick = policy == CheckPointPolicy.TICK;
    List<String> kwNames = List.of();
    Instruction kwNamesAt = null; // the KW_NAMES whose names dis did not print
    boolean skipCall = false; // the last PRECALL specialised to one that skips CALL unchecked
    boolean charged = false;
    try {
      while (true) {
        Instruction in = code.get(pc);
        Opcode op = in.opcode();
        if (++instructionsRun > budget) {
          throw new InstructionBudgetExceeded(
              "the listing ran more than "
                  + budget
                  + " instructions and was stopped in "
                  + f.name()
                  + " at offset "
                  + in.offset()
                  + " (listing line "
                  + in.listingLine()
                  + "). Is a loop without end? Raise the instruction budget if not.");
        }
        if (stack.length - sp < 8) {
          stack = java.util.Arrays.copyOf(stack, stack.length * 2);
        }
        if (tick
            || !policy.checks(in, true, true, false) && !policy.checks(in, true, false, false)) {
          Eval.instruction(); // never a check point here (or tick: checked before)
          tick = true;
        } else {
          tick = false; // charged below, once we know whether it checks
        }
        charged = tick;
        tick = policy == CheckPointPolicy.TICK;
        boolean jumped = false;
        boolean pythonCallee = false;
        int next = pc + 1;
        switch (op) {
          // TARGET(CACHE), TARGET(NOP)
          case CACHE, NOP -> {}
          // TARGET(RESUME)
          case RESUME -> quickening.warmup(f);
          // TARGET(PRECALL)
          case PRECALL ->
              skipCall =
                  policy == CheckPointPolicy.PY_311
                      && quickening.skipsCall(
                          f, in, callKind(stack, sp, in.arg(), kwNames, popTopAfterCall(code, pc)));
          // TARGET(PUSH_NULL)
          case PUSH_NULL -> stack[sp++] = null;
          // TARGET(POP_TOP)
          case POP_TOP -> release(stack[--sp]);
          // TARGET(COPY)
          case COPY -> {
            stack[sp] = newRef(stack[sp - in.arg()]);
            sp++;
          }
          // TARGET(SWAP)
          case SWAP -> {
            Object t = stack[sp - 1];
            stack[sp - 1] = stack[sp - in.arg()];
            stack[sp - in.arg()] = t;
          }
          // TARGET(LOAD_CONST)
          case LOAD_CONST -> stack[sp++] = newRef(consts.get(in.arg()));
          // TARGET(LOAD_FAST)
          case LOAD_FAST -> {
            Object v = locals[in.arg()];
            if (v == null) {
              throw new PythonError(
                  "UnboundLocalError",
                  "cannot access local variable '" // 3.11's UNBOUNDLOCAL_ERROR_MSG
                      + in.argrepr()
                      + "' where it is not associated with a value");
            }
            stack[sp++] = newRef(v);
          }
          // TARGET(STORE_FAST)
          case STORE_FAST -> {
            Object old = locals[in.arg()];
            locals[in.arg()] = stack[--sp];
            if (old != null) {
              release(old);
            }
          }
          // TARGET(LOAD_GLOBAL), TARGET(LOAD_NAME)
          case LOAD_GLOBAL, LOAD_NAME -> {
            if (op == Opcode.LOAD_GLOBAL && (in.arg() & 1) == 1) {
              stack[sp++] = null;
            }
            Object v = loadGlobal(Constants.name(in)); // may raise: push only what exists
            stack[sp++] = v;
          }
          // TARGET(STORE_GLOBAL), TARGET(STORE_NAME)
          case STORE_GLOBAL, STORE_NAME -> {
            Object v = stack[--sp];
            if (v instanceof PyObject o) {
              globals.storeItem(names.get(Constants.name(in)), o);
              release(v);
            } else {
              storeName(Constants.name(in), v); // a module, function, lock...: kept by the VM
            }
          }
          // TARGET(LOAD_METHOD): the unbound method, then self; for a module's function
          // (not a method: _PyObject_GetMethod finds no descriptor), NULL then the function
          case LOAD_METHOD -> {
            Object owner = stack[sp - 1];
            String name = Constants.name(in);
            if (owner instanceof Modules.Module m) {
              stack[sp - 1] = null;
              stack[sp++] = newRef(m.attribute(name));
            } else {
              stack[sp - 1] = Methods.lookup(owner, name);
              stack[sp++] = owner;
            }
          }
          // TARGET(LOAD_ATTR): a module's attribute, or a bound method (the VM's objects have no
          // other attributes)
          case LOAD_ATTR -> {
            Object owner = stack[sp - 1];
            String name = Constants.name(in);
            Native.Obj n = Native.of(owner);
            if (owner instanceof Modules.Module m) {
              stack[sp - 1] = newRef(m.attribute(name)); // the module has no count to drop
            } else if (n != null && n.type().attributes().containsKey(name)) {
              stack[sp - 1] = n.type().attributes().get(name).apply(n.target()); // thread.name
              release(owner);
            } else {
              stack[sp - 1] = new Callables.BoundMethod(Methods.lookup(owner, name), owner);
            }
          }
          // ---- vm-modules: imports and `with` (no check point: each ends with DISPATCH())
          // TARGET(IMPORT_NAME): pops fromlist, replaces level with the module
          case IMPORT_NAME -> {
            release(stack[--sp]);
            release(stack[sp - 1]);
            stack[sp - 1] = Modules.importModule(Constants.name(in), modules);
          }
          // TARGET(IMPORT_FROM): pushes the attribute, keeps the module below it
          case IMPORT_FROM -> {
            Object from = stack[sp - 1];
            if (!(from instanceof Modules.Module m)) {
              throw new PythonError("ImportError", "cannot import from a " + Values.typeName(from));
            }
            stack[sp++] = newRef(m.importFrom(Constants.name(in)));
          }
          // TARGET(BEFORE_WITH): replaces the manager with its bound __exit__, then pushes what
          // __enter__() returned. The normal exit of `with` is a CALL of that bound method with
          // three Nones (LOAD_CONST None x3, PRECALL 2, CALL 2), which checks as any CALL does.
          case BEFORE_WITH -> {
            Object mgr = stack[sp - 1];
            Callables.MethodDescriptor enter = Methods.special(mgr, "__enter__");
            Callables.MethodDescriptor exit = Methods.special(mgr, "__exit__");
            stack[sp - 1] = new Callables.BoundMethod(exit, mgr); // takes the stack's reference
            stack[sp++] = enter.body().call(this, List.of(mgr), List.of());
          }
          // ---- end vm-modules
          // TARGET(BINARY_OP)
          case BINARY_OP -> {
            Object right = stack[sp - 1]; // operands stay on the stack until the result exists,
            Object left = stack[sp - 2]; // so that an error releases each of them once
            PyObject result = Operators.binaryOp(in.arg(), left, right);
            sp--;
            release(left);
            release(right);
            stack[sp - 1] = result;
          }
          // TARGET(COMPARE_OP)
          case COMPARE_OP -> {
            Object right = stack[sp - 1];
            Object left = stack[sp - 2];
            PyObject result = PyBool.of(Operators.compare(in.arg(), left, right));
            sp--;
            release(left);
            release(right);
            stack[sp - 1] = result;
          }
          // TARGET(BINARY_SUBSCR)
          case BINARY_SUBSCR -> {
            Object key = stack[sp - 1];
            Object container = stack[sp - 2];
            PyObject item = Operators.subscript(container, key).incref();
            sp--;
            stack[sp - 1] = item;
            release(container);
            release(key);
          }
          // TARGET(STORE_SUBSCR)
          case STORE_SUBSCR -> {
            Object key = stack[sp - 1];
            Object container = stack[sp - 2];
            Object value = stack[sp - 3];
            Operators.storeSubscript(container, key, value);
            sp -= 3;
            release(container);
            release(key);
            release(value);
          }
          // TARGET(BUILD_LIST)
          case BUILD_LIST -> {
            PyList list = PyList.empty();
            for (int i = sp - in.arg(); i < sp; i++) {
              list.appendItem(asObject(stack[i]));
              release(stack[i]);
            }
            sp -= in.arg();
            stack[sp++] = list;
          }
          // TARGET(BUILD_MAP)
          case BUILD_MAP -> {
            PyDict dict = PyDict.empty();
            for (int i = sp - 2 * in.arg(); i < sp; i += 2) {
              dict.storeItem(asObject(stack[i]), asObject(stack[i + 1]));
              release(stack[i]);
              release(stack[i + 1]);
            }
            sp -= 2 * in.arg();
            stack[sp++] = dict;
          }
          // ---- vm-data: tuples, sets, unpacking, operators, f-strings, `a and b` as a value.
          // None of these TARGETs in 3.11's Python/ceval.c runs CHECK_EVAL_BREAKER() (they end
          // with DISPATCH()), so none is a check point; CheckPointPolicy's default says so. Each
          // computes its result with its operands still on the stack, so an error releases them.
          // TARGET(BUILD_TUPLE)
          case BUILD_TUPLE -> {
            int n = in.arg();
            Exceptions.ExcTuple excTypes = Exceptions.ExcTuple.of(stack, sp - n, sp);
            if (excTypes != null) { // except (KeyError, IndexError): types are VM values too
              sp = popN(stack, sp, n);
              stack[sp++] = excTypes;
              break;
            }
            Builtins.TypeTuple types = Builtins.TypeTuple.of(stack, sp - n, sp);
            if (types != null) { // isinstance(x, (int, str)): types are not simulated objects
              sp = popN(stack, sp, n);
              stack[sp++] = types;
              break;
            }
            PyObject[] items = new PyObject[n];
            for (int i = 0; i < n; i++) {
              items[i] = asObject(stack[sp - n + i]);
            }
            PyTuple tuple = PyTuple.of(items); // takes its own references
            releaseAll(java.util.Arrays.copyOfRange(stack, sp - n, sp), n);
            sp = popN(stack, sp, n);
            stack[sp++] = tuple;
          }
          // TARGET(BUILD_SET)
          case BUILD_SET -> {
            int n = in.arg();
            PySet set = PySet.empty();
            try {
              for (int i = sp - n; i < sp; i++) {
                set.addItem(asObject(stack[i]));
              }
            } catch (RuntimeException e) {
              set.decref();
              throw e;
            }
            releaseAll(java.util.Arrays.copyOfRange(stack, sp - n, sp), n);
            sp = popN(stack, sp, n);
            stack[sp++] = set;
          }
          // TARGET(BUILD_CONST_KEY_MAP): the values, then a tuple of the keys
          case BUILD_CONST_KEY_MAP -> {
            int n = in.arg();
            if (!(stack[sp - 1] instanceof PyTuple keys) || keys.length() != n) {
              throw new PythonError("SystemError", "bad BUILD_CONST_KEY_MAP keys argument");
            }
            PyDict dict = PyDict.empty();
            try {
              for (int i = 0; i < n; i++) {
                dict.storeItem(keys.borrowItem(i), asObject(stack[sp - 1 - n + i]));
              }
            } catch (RuntimeException e) {
              dict.decref();
              throw e;
            }
            releaseAll(java.util.Arrays.copyOfRange(stack, sp - 1 - n, sp), n + 1);
            sp = popN(stack, sp, n + 1);
            stack[sp++] = dict;
          }
          // TARGET(BUILD_STRING): the joined strings of f"..."
          case BUILD_STRING -> {
            int n = in.arg();
            StringBuilder sb = new StringBuilder();
            for (int i = sp - n; i < sp; i++) {
              sb.append(((PyUnicode) stack[i]).value());
            }
            PyUnicode str = PyUnicode.of(sb.toString());
            releaseAll(java.util.Arrays.copyOfRange(stack, sp - n, sp), n);
            sp = popN(stack, sp, n);
            stack[sp++] = str;
          }
          // TARGET(LIST_EXTEND): [1, 2, 3] is BUILD_LIST 0, LOAD_CONST (1, 2, 3), LIST_EXTEND 1
          case LIST_EXTEND -> {
            Methods.extend((PyList) stack[sp - 1 - in.arg()], stack[sp - 1]);
            release(stack[--sp]);
            stack[sp] = null;
          }
          // TARGET(SET_UPDATE): {1, 2, 3} is BUILD_SET 0, LOAD_CONST frozenset(...), SET_UPDATE 1
          case SET_UPDATE -> {
            PySet set = (PySet) stack[sp - 1 - in.arg()];
            for (PyObject item : Iterators.items(stack[sp - 1])) {
              try {
                set.addItem(item);
              } finally {
                item.decref();
              }
            }
            release(stack[--sp]);
            stack[sp] = null;
          }
          // TARGET(UNPACK_SEQUENCE): the items pushed last first, so the first is on top
          case UNPACK_SEQUENCE -> {
            int n = in.arg();
            Object seq = stack[sp - 1];
            List<PyObject> items = Values.unpack(seq, n);
            if (stack.length - sp < n + 8) {
              stack = java.util.Arrays.copyOf(stack, stack.length + n + 8);
            }
            sp--;
            for (int i = n - 1; i >= 0; i--) {
              stack[sp++] = items.get(i);
            }
            release(seq);
          }
          // TARGET(CONTAINS_OP): oparg 1 is "not in"
          case CONTAINS_OP -> {
            boolean in_ = Operators.contains(stack[sp - 1], stack[sp - 2]);
            PyBool result = PyBool.of(in_ != (in.arg() == 1));
            release(stack[--sp]);
            release(stack[sp - 1]);
            stack[sp - 1] = result;
            stack[sp] = null;
          }
          // TARGET(IS_OP): oparg 1 is "is not"
          case IS_OP -> {
            Object right = stack[sp - 1];
            Object left = stack[sp - 2];
            boolean same =
                left == right || !(left instanceof PyObject) && Objects.equals(left, right);
            PyBool result = PyBool.of(same != (in.arg() == 1));
            release(stack[--sp]);
            release(stack[sp - 1]);
            stack[sp - 1] = result;
            stack[sp] = null;
          }
          // TARGET(UNARY_NOT)
          case UNARY_NOT -> {
            PyBool result = PyBool.of(!Values.truth(stack[sp - 1]));
            release(stack[sp - 1]);
            stack[sp - 1] = result;
          }
          // TARGET(UNARY_NEGATIVE), TARGET(UNARY_INVERT), TARGET(UNARY_POSITIVE)
          case UNARY_NEGATIVE, UNARY_INVERT, UNARY_POSITIVE -> {
            PyObject result = Operators.unary(op, stack[sp - 1]);
            release(stack[sp - 1]);
            stack[sp - 1] = result;
          }
          // TARGET(DELETE_SUBSCR)
          case DELETE_SUBSCR -> {
            Operators.deleteSubscript(stack[sp - 2], stack[sp - 1]);
            release(stack[--sp]);
            release(stack[--sp]);
            stack[sp] = null;
            stack[sp + 1] = null;
          }
          // TARGET(FORMAT_VALUE): oparg & 3 is the conversion, oparg & 4 says a spec is on top
          case FORMAT_VALUE -> {
            boolean hasSpec = (in.arg() & 4) != 0;
            Object value = stack[sp - (hasSpec ? 2 : 1)];
            String spec = hasSpec ? ((PyUnicode) stack[sp - 1]).value() : "";
            PyUnicode result = PyUnicode.of(Format.formatValue(value, in.arg() & 3, spec));
            if (hasSpec) {
              release(stack[--sp]);
              stack[sp] = null;
            }
            release(value);
            stack[sp - 1] = result;
          }
          // TARGET(JUMP_IF_FALSE_OR_POP), TARGET(JUMP_IF_TRUE_OR_POP): `a and b`, `a or b`
          case JUMP_IF_FALSE_OR_POP, JUMP_IF_TRUE_OR_POP -> {
            boolean truth = Values.truth(stack[sp - 1]);
            if (truth == (op == Opcode.JUMP_IF_TRUE_OR_POP)) {
              next = f.indexOf(in.target()); // keeps the value as the expression's result
              jumped = true;
            } else {
              release(stack[--sp]);
              stack[sp] = null;
            }
          }
          // TARGET(EXTENDED_ARG): dis already folds it into the next instruction's argument (and
          // "to N"), so here it is one instruction that does nothing more
          case EXTENDED_ARG -> {}
          // ---- end of vm-data
          // TARGET(GET_ITER)
          case GET_ITER -> stack[sp - 1] = Iterators.iterator(stack[sp - 1]);
          // TARGET(FOR_ITER)
          case FOR_ITER -> {
            Object item = ((Iterators.VmIterator) stack[sp - 1]).next();
            if (item != null) {
              stack[sp++] = item;
            } else {
              release(stack[--sp]);
              next = f.indexOf(in.target());
              jumped = true;
            }
          }
          // TARGET(JUMP_FORWARD), TARGET(JUMP_BACKWARD)
          case JUMP_FORWARD, JUMP_BACKWARD -> {
            if (op == Opcode.JUMP_BACKWARD) {
              quickening.warmup(f);
            }
            next = f.indexOf(in.target());
            jumped = true;
          }
          // TARGET(POP_JUMP_FORWARD_IF_FALSE), _TRUE, and the POP_JUMP_BACKWARD_IF_ ones
          case POP_JUMP_FORWARD_IF_FALSE,
              POP_JUMP_FORWARD_IF_TRUE,
              POP_JUMP_BACKWARD_IF_FALSE,
              POP_JUMP_BACKWARD_IF_TRUE -> {
            Object cond = stack[--sp];
            boolean truth = Values.truth(cond);
            release(cond);
            boolean onTrue = op.name().endsWith("_TRUE");
            if (truth == onTrue) {
              next = f.indexOf(in.target());
              jumped = true;
            }
          }
          // TARGET(POP_JUMP_FORWARD_IF_NONE), _NOT_NONE, and the POP_JUMP_BACKWARD_IF_ ones
          case POP_JUMP_FORWARD_IF_NONE,
              POP_JUMP_FORWARD_IF_NOT_NONE,
              POP_JUMP_BACKWARD_IF_NONE,
              POP_JUMP_BACKWARD_IF_NOT_NONE -> {
            Object cond = stack[--sp];
            boolean none = cond instanceof PyNone;
            release(cond);
            if (none != op.name().endsWith("_NOT_NONE")) {
              next = f.indexOf(in.target());
              jumped = true;
            }
          }
          // TARGET(MAKE_FUNCTION): the code object, then (0x08) the closure, (0x04) the
          // annotations, (0x02) the keyword-only defaults, (0x01) the defaults, which the new
          // function takes over
          case MAKE_FUNCTION -> {
            int flags = in.arg();
            if ((flags & 0x02) != 0) {
              throw new PythonError(
                  "SystemError",
                  "MAKE_FUNCTION "
                      + flags
                      + " (listing line "
                      + in.listingLine()
                      + "): keyword-only parameters with defaults (def f(*, x=1)) are not run by"
                      + " the VM, which passes arguments by position only; make them ordinary"
                      + " parameters");
            }
            DisFunction codeObject = ((Callables.Function) stack[--sp]).code();
            PyObject closure = (flags & 0x08) != 0 ? (PyObject) stack[--sp] : null;
            if ((flags & 0x04) != 0) {
              release(stack[--sp]); // annotations: kept by CPython, never read by the VM
            }
            PyObject defaults = (flags & 0x01) != 0 ? (PyObject) stack[--sp] : null;
            stack[sp++] = new Callables.Function(codeObject, defaults, closure);
          }
          // TARGET(MAKE_CELL): the slot's value (a parameter's argument, or nothing) moves
          // into a new cell
          case MAKE_CELL -> {
            Object initial = locals[in.arg()];
            locals[in.arg()] = PyCell.of(initial == null ? null : cellContent(initial, in));
            release(initial);
          }
          // TARGET(LOAD_CLOSURE): the cell itself, for the closure tuple of MAKE_FUNCTION
          case LOAD_CLOSURE -> stack[sp++] = newRef(locals[in.arg()]);
          // TARGET(LOAD_DEREF)
          case LOAD_DEREF -> {
            PyObject v = Frames.cell(locals, in.arg()).get();
            if (v == null) {
              throw unbound(f, in);
            }
            stack[sp++] = v.incref();
          }
          // TARGET(STORE_DEREF)
          case STORE_DEREF -> {
            Object v = stack[--sp];
            PyObject content;
            try {
              content = cellContent(v, in);
            } catch (PythonError e) {
              release(v);
              throw e;
            }
            Frames.cell(locals, in.arg()).set(content);
          }
          // TARGET(DELETE_DEREF)
          case DELETE_DEREF -> {
            PyCell cell = Frames.cell(locals, in.arg());
            if (cell.get() == null) {
              throw unbound(f, in);
            }
            cell.set(null);
          }
          // TARGET(COPY_FREE_VARS): the VM copied the closure's cells when it made the frame
          // (Frames.locals), before this first instruction could run
          case COPY_FREE_VARS -> {}
          // TARGET(LIST_APPEND): no check (it predicts JUMP_BACKWARD_QUICK)
          case LIST_APPEND -> {
            Object v = stack[--sp];
            if (!(v instanceof PyObject o)) {
              release(v);
              throw new PythonError(
                  "TypeError", "the VM cannot store a " + Values.typeName(v) + " in a list");
            }
            ((PyList) stack[sp - in.arg()]).appendItem(o);
            o.decref(); // _PyList_AppendTakeRef: the list took the stack's reference
          }
          // TARGET(SET_ADD): PySet_Add(set, v), then v's stack reference dropped; no check
          case SET_ADD -> {
            Object v = stack[--sp];
            try {
              ((PySet) stack[sp - in.arg()]).addItem(asObject(v));
            } finally {
              release(v);
            }
          }
          // TARGET(MAP_ADD): map[key] = value, both references taken over; no check
          case MAP_ADD -> {
            Object value = stack[--sp];
            Object key = stack[--sp];
            try {
              ((PyDict) stack[sp - in.arg()]).storeItem(asObject(key), asObject(value));
            } finally {
              release(key);
              release(value);
            }
          }
          // TARGET(CALL_FUNCTION_EX): f(*args); the callee runs in full (do_call_core), then
          // CHECK_EVAL_BREAKER(), whatever the callee
          case CALL_FUNCTION_EX -> {
            if ((in.arg() & 1) != 0) {
              throw new PythonError(
                  "SystemError",
                  "CALL_FUNCTION_EX 1 (listing line "
                      + in.listingLine()
                      + "): f(**kwargs) passes keyword arguments, which the VM does not run;"
                      + " pass them by position: f(*args)");
            }
            Object callargs = stack[--sp];
            List<Object> args;
            try {
              args = unpackArgs(stack[sp - 1], callargs);
            } finally {
              release(callargs);
            }
            pythonCallee = stack[sp - 1] instanceof Callables.Function;
            Object result = callEx(stack[sp - 1], args, depth);
            release(stack[--sp]);
            stack[sp - 1] = result; // over the NULL below the callable
          }
          // TARGET(RETURN_GENERATOR): the frame (its locals and stack) moves into a new
          // generator, which goes back to the caller; the frame runs on at the next instruction
          // when the generator is first resumed
          case RETURN_GENERATOR -> {
            return new Generator(this, f, locals, stack, sp, next, depth);
          }
          // TARGET(YIELD_VALUE): the frame is suspended and the value goes back to whoever
          // resumed it; no check
          case YIELD_VALUE -> {
            if (gen == null) {
              throw new PythonError("SystemError", "YIELD_VALUE outside a generator's frame");
            }
            Object value = stack[--sp];
            gen.suspend(stack, sp, next);
            return value;
          }
          // TARGET(SEND): yield from's step: PyIter_Send(receiver, v); when the receiver
          // returns, its return value replaces it and the jump is taken; no check
          case SEND -> {
            Object v = stack[--sp];
            Object receiver = stack[sp - 1];
            Object result;
            boolean returned;
            if (receiver instanceof Generator g) {
              result = g.send(v);
              returned = g.finished();
            } else if (v instanceof PyNone && receiver instanceof Iterators.VmIterator it) {
              release(v);
              PyObject item = it.next();
              returned = item == null;
              result = returned ? PyNone.get().incref() : item;
            } else {
              release(v);
              throw new PythonError(
                  "AttributeError",
                  "'" + Values.typeName(receiver) + "' object has no attribute 'send'");
            }
            if (returned) {
              release(receiver);
              stack[sp - 1] = result;
              next = f.indexOf(in.target());
              jumped = true;
            } else {
              stack[sp++] = result;
            }
          }
          // TARGET(GET_YIELD_FROM_ITER): iter(x), unless x is a generator already
          case GET_YIELD_FROM_ITER -> {
            if (!(stack[sp - 1] instanceof Generator)) {
              stack[sp - 1] = Iterators.iterator(stack[sp - 1]);
            }
          }
          // TARGET(JUMP_BACKWARD_NO_INTERRUPT): yield from's loop back to SEND; deliberately no
          // check (the innermost generator's RESUME checks) and no warm-up
          case JUMP_BACKWARD_NO_INTERRUPT -> {
            next = f.indexOf(in.target());
            jumped = true;
          }
          // TARGET(KW_NAMES)
          case KW_NAMES -> {
            if (in.argrepr().isEmpty()) {
              // names unknown: refused at the CALL unless the callee recovers them (Thread)
              kwNames = Callables.UNKNOWN_KW_NAMES;
              kwNamesAt = in;
            } else {
              kwNames = Constants.names(in.argrepr());
            }
          }
          // TARGET(CALL)
          case CALL -> {
            int n = in.arg();
            Object x = stack[sp - n - 2];
            Object y = stack[sp - n - 1];
            Object callable;
            List<Object> args = new ArrayList<>();
            if (x != null) {
              callable = x;
              args.add(y);
            } else if (y instanceof Callables.BoundMethod m) {
              callable = m.method();
              args.add(newRef(m.self()));
              release(m);
            } else {
              callable = y;
            }
            for (int i = sp - n; i < sp; i++) {
              args.add(stack[i]);
            }
            sp -= n + 2;
            List<String> kw = kwNames;
            kwNames = List.of();
            if (kw == Callables.UNKNOWN_KW_NAMES && !Callables.recoversKeywords(callable)) {
              args.forEach(Values::release);
              release(x);
              throw unknownKeywords(kwNamesAt);
            }
            if (callable instanceof Callables.Function fn) {
              pythonCallee = true;
              if (!kw.isEmpty()) {
                args.forEach(Values::release);
                release(fn);
                throw new PythonError(
                    "TypeError", "keyword arguments to Python functions are not supported");
              }
              if (!charged && !policy.checks(op, false, true)) {
                Eval.instruction(); // 3.11: entered without a check; the callee's RESUME checks
                charged = true;
              }
              try {
                Object result = run(fn.code(), Frames.locals(fn, args), depth + 1);
                stack[sp++] = result;
              } finally {
                release(fn); // the callable's reference, which CALL consumes
              }
            } else {
              try {
                Object result = callBuiltin(callable, args, kw);
                stack[sp++] = result;
              } finally {
                args.forEach(Values::release);
                if (x != null) {
                  release(x); // a bound method in the method slot (with's __exit__) owns its self
                }
              }
            }
          }
          // TARGET(PUSH_EXC_INFO): the handler saves the exception being handled under the new one
          case PUSH_EXC_INFO -> {
            Object value = stack[sp - 1];
            ExcInfo handling = excInfo();
            stack[sp - 1] = handling.value != null ? handling.value : PyNone.get();
            stack[sp++] = value;
            handling.value = (PythonError) value;
          }
          // TARGET(POP_EXCEPT): the saved one is handled again
          case POP_EXCEPT -> {
            Object saved = stack[--sp];
            excInfo().value = saved instanceof PythonError e ? e : null;
            release(saved);
          }
          // TARGET(CHECK_EXC_MATCH)
          case CHECK_EXC_MATCH -> {
            Object right = stack[sp - 1];
            Object left = stack[sp - 2];
            boolean match = Exceptions.matches((PythonError) left, right, tupleItems(right));
            sp--;
            release(right);
            stack[sp++] = PyBool.of(match);
          }
          // TARGET(RERAISE): oparg > 0 restores the frame's lasti from below the exception
          case RERAISE -> {
            int lasti = in.arg() > 0 ? (int) Values.asLong(stack[sp - 1 - in.arg()]) : -1;
            PythonError e = (PythonError) stack[--sp];
            e.reraised = true;
            e.reraisedLasti = lasti;
            throw e;
          }
          // TARGET(RAISE_VARARGS): do_raise; a bare raise re-raises what is being handled
          case RAISE_VARARGS -> {
            PythonError handling = excInfo().value;
            if (in.arg() == 0) {
              if (handling == null) {
                throw new PythonError("RuntimeError", "No active exception to reraise");
              }
              handling.reraised = true;
              throw handling;
            }
            Object cause = in.arg() == 2 ? stack[--sp] : null;
            Object exc = stack[--sp];
            PythonError e = Exceptions.toRaise(exc);
            release(exc);
            if (cause != null) {
              e.cause(cause instanceof PyNone ? null : Exceptions.toRaise(cause));
              release(cause);
            }
            e.context(handling);
            throw e;
          }
          // TARGET(LOAD_ASSERTION_ERROR)
          case LOAD_ASSERTION_ERROR -> stack[sp++] = Exceptions.lookup("AssertionError");
          // TARGET(WITH_EXCEPT_START): exit(type(e), e, tb) with the exit callable 4 deep; the
          // VM has no traceback objects, so tb is None
          case WITH_EXCEPT_START -> {
            PythonError e = (PythonError) stack[sp - 1];
            Object exit = stack[sp - 4];
            PyNone tb = PyNone.get();
            Object result;
            try {
              result = callValue(exit, List.of(Exceptions.lookup(e.type()), e, tb));
            } finally {
              tb.decref();
            }
            stack[sp++] = result;
          }
          // TARGET(DELETE_FAST)
          case DELETE_FAST -> {
            Object old = locals[in.arg()];
            if (old == null) {
              throw new PythonError(
                  "UnboundLocalError",
                  "cannot access local variable '"
                      + in.argrepr()
                      + "' where it is not associated with a value");
            }
            locals[in.arg()] = null;
            release(old);
          }
          // TARGET(RETURN_VALUE)
          case RETURN_VALUE -> {
            Object result = stack[--sp];
            if (!charged) {
              Eval.backEdge();
            }
            releaseAll(stack, sp);
            releaseAll(locals, locals.length);
            return result;
          }
        }
        if (!charged) {
          boolean skipped = op == Opcode.CALL && skipCall;
          if (policy.checks(in, jumped, pythonCallee, skipped)) {
            Eval.backEdge();
          } else {
            Eval.instruction();
          }
        }
        pc = next;
      }
    } catch (PyException | PythonError e) {
      if (!charged) {
        Eval.instruction(); // it ran; CPython's error path does not check the eval breaker
      }
      frame.stack = stack;
      frame.sp = sp;
      frame.pc = pc;
      throw e instanceof PyException p ? PythonError.of(p) : (PythonError) e;
    } catch (InstructionBudgetExceeded e) {
      releaseAll(stack, sp);
      releaseAll(locals, locals.length);
      throw e;
    }
  }

  /**
   * CPython 3.11's {@code error:} and {@code exception_unwind:} for an error raised at {@code
   * frame.pc}: adds the frame's traceback entry (not for a re-raise), finds the handler ({@code
   * get_exception_handler}) and, if there is one, pops the stack to its depth, pushes lasti when it
   * asks and the exception, and resumes there. Returns false when the frame has no handler.
   */
  private boolean unwind(DisFunction f, FrameState frame, PythonError e) {
    Instruction in = f.instructions().get(frame.pc);
    if (!e.reraised) {
      if (e.traceback().isEmpty()) {
        e.context(excInfo().value); // raised while handling another: __context__
      }
      e.addFrame(f.file(), in.sourceLine(), f.name());
    }
    int lasti = e.reraisedLasti >= 0 ? e.reraisedLasti : in.offset() / 2;
    e.reraised = false;
    e.reraisedLasti = -1;
    DisFunction.ExceptionEntry handler = f.handlerFor(in.offset());
    if (handler == null) {
      return false;
    }
    if (handler.depth() > frame.sp) {
      throw new IllegalStateException(
          "the exception table of "
              + f.name()
              + " unwinds to depth "
              + handler.depth()
              + " but the VM's stack holds "
              + frame.sp
              + " at offset "
              + in.offset());
    }
    Object[] stack = frame.stack;
    while (frame.sp > handler.depth()) {
      Object v = stack[--frame.sp];
      stack[frame.sp] = null;
      release(v);
    }
    if (handler.lasti()) {
      stack[frame.sp++] = PyLong.fromLong(lasti);
    }
    stack[frame.sp++] = e;
    frame.pc = f.indexOf(handler.target());
    return true;
  }

  /**
   * Calls the exit callable of a {@code with} block with borrowed arguments and returns a new
   * reference: a bound method (a lock's {@code __exit__}), a builtin or a method. The VM has no
   * classes, so no {@code __exit__} is a Python function.
   */
  private Object callValue(Object callable, List<Object> args) {
    if (callable instanceof Callables.BoundMethod m) {
      List<Object> withSelf = new ArrayList<>();
      withSelf.add(m.self());
      withSelf.addAll(args);
      return callBuiltin(m.method(), withSelf, List.of());
    }
    return callBuiltin(callable, args, List.of());
  }

  /**
   * The items of a tuple object a handler names, or null. {@code except (KeyError, IndexError):}
   * builds an {@link Exceptions.ExcTuple} instead (BUILD_TUPLE of exception types), which {@link
   * Exceptions#matches} reads itself; a tuple object holds no exception type, so this is null.
   */
  private static List<Object> tupleItems(Object right) {
    return null;
  }

  /**
   * The kind of call whose guards the call about to be made passes (see {@link Quickening311}):
   * {@code n} arguments on the stack above the callable and its self-or-NULL.
   */
  private static Quickening311.Kind callKind(
      Object[] stack, int sp, int n, List<String> kw, boolean popTopAfterCall) {
    if (!kw.isEmpty()) {
      return Quickening311.Kind.OTHER;
    }
    Object x = stack[sp - n - 2];
    Object y = stack[sp - n - 1];
    if (x instanceof Callables.MethodDescriptor m) {
      return Methods.isListAppend(m) && y instanceof PyList && n == 1 && popTopAfterCall
          ? Quickening311.Kind.LIST_APPEND
          : Quickening311.Kind.OTHER;
    }
    if (x == null && y instanceof Callables.Builtin b) {
      return switch (b.name()) {
        case "len" -> n == 1 ? Quickening311.Kind.LEN : Quickening311.Kind.OTHER;
        case "isinstance" -> n == 2 ? Quickening311.Kind.ISINSTANCE : Quickening311.Kind.OTHER;
        case "type" -> n == 1 ? Quickening311.Kind.TYPE_1 : Quickening311.Kind.OTHER;
        default -> Quickening311.Kind.OTHER;
      };
    }
    return Quickening311.Kind.OTHER;
  }

  /** Clears the top {@code n} slots (already released) and returns the new stack pointer. */
  private static int popN(Object[] stack, int sp, int n) {
    java.util.Arrays.fill(stack, sp - n, sp, null);
    return sp - n;
  }

  /** Whether the PRECALL at {@code pc} is followed by its CALL and then a POP_TOP. */
  private static boolean popTopAfterCall(List<Instruction> code, int pc) {
    return pc + 2 < code.size()
        && code.get(pc + 1).opcode() == Opcode.CALL
        && code.get(pc + 2).opcode() == Opcode.POP_TOP;
  }

  // ---------------------------------------------------------------- code objects

  /** What a cell may hold: a simulated object (the VM's own values have no count to share). */
  private static PyObject cellContent(Object v, Instruction in) {
    if (v instanceof PyObject o) {
      return o;
    }
    throw new PythonError(
        "SystemError",
        in.opcode()
            + " (listing line "
            + in.listingLine()
            + "): the VM cannot keep a "
            + Values.typeName(v)
            + " in a cell (a variable that a nested function shares); define the function at"
            + " module level, or pass it as an argument");
  }

  /** {@code format_exc_unbound}: a cell of this frame, or a free variable, that is empty. */
  private static PythonError unbound(DisFunction f, Instruction in) {
    String name = in.argrepr();
    if (in.arg() < f.localCount() - f.freeVarCount()) {
      return new PythonError(
          "UnboundLocalError",
          "cannot access local variable '" + name + "' where it is not associated with a value");
    }
    return new PythonError(
        "NameError",
        "cannot access free variable '"
            + name
            + "' where it is not associated with a value in enclosing scope");
  }

  /**
   * {@code CALL_FUNCTION_EX}'s arguments: the items of {@code callargs} (borrowed) as new
   * references ({@code PySequence_Tuple}).
   */
  private static List<Object> unpackArgs(Object func, Object callargs) {
    Iterators.VmIterator it;
    try {
      it = Iterators.iterator(newRef(callargs));
    } catch (PythonError e) {
      throw new PythonError(
          "TypeError",
          calleeName(func)
              + " argument after * must be an iterable, not "
              + Values.typeName(callargs));
    }
    List<Object> args = new ArrayList<>();
    try {
      for (PyObject item = it.next(); item != null; item = it.next()) {
        args.add(item);
      }
    } finally {
      it.release();
    }
    return args;
  }

  private static String calleeName(Object func) {
    if (func instanceof Callables.Function fn) {
      return fn.code().name() + "()";
    }
    if (func instanceof Callables.Builtin b) {
      return b.name() + "()";
    }
    return Values.typeName(func) + " object";
  }

  /**
   * {@code do_call_core}: calls {@code func} (borrowed) with {@code args} (owned, consumed). A
   * Python function runs in a new frame, whose {@code RESUME} checks as any call's does.
   */
  private Object callEx(Object func, List<Object> args, int depth) {
    if (func instanceof Callables.Function fn) {
      return run(fn.code(), Frames.locals(fn, args), depth + 1);
    }
    try {
      if (func instanceof Callables.BoundMethod m) {
        args.add(0, newRef(m.self()));
        return callBuiltin(m.method(), args, List.of());
      }
      return callBuiltin(func, args, List.of());
    } finally {
      args.forEach(Values::release);
    }
  }

  /** The error for a call whose keyword names 3.11's dis did not print. */
  private static PythonError unknownKeywords(Instruction in) {
    return new PythonError(
        "SystemError",
        "KW_NAMES "
            + in.arg()
            + " (listing line "
            + in.listingLine()
            + "): CPython 3.11's dis does not print the keyword names (a tuple in"
            + " co_consts), so the VM cannot tell which arguments are keywords; pass"
            + " them by position, or write the names as dis would: KW_NAMES N (('end',))");
  }

  /** Calls a builtin or a method descriptor; the arguments are borrowed. */
  private Object callBuiltin(Object callable, List<Object> args, List<String> kw) {
    if (callable instanceof Callables.Builtin b) {
      return b.body().call(this, args, kw);
    }
    if (callable instanceof Callables.MethodDescriptor m) {
      return m.body().call(this, args, kw);
    }
    if (callable instanceof Exceptions.ExcType t) {
      return Exceptions.instantiate(t, args);
    }
    if (callable instanceof Callables.BoundMethod m) {
      List<Object> withSelf = new ArrayList<>(args.size() + 1);
      withSelf.add(m.self());
      withSelf.addAll(args);
      return m.method().body().call(this, withSelf, kw);
    }
    throw new PythonError(
        "TypeError", "'" + Values.typeName(callable) + "' object is not callable");
  }

  // ---------------------------------------------------------------- names

  private Object loadGlobal(String name) {
    PyObject v = globals.borrowItem(names.get(name));
    if (v != null) {
      return v.incref();
    }
    Object bound = vmGlobals.get(name);
    if (bound != null) {
      return newRef(bound);
    }
    DisFunction f = listing.functions().get(name);
    if (f != null) {
      return new Callables.Function(f);
    }
    Callables.Builtin b = Builtins.lookup(name);
    if (b == null) {
      Exceptions.ExcType t = Exceptions.lookup(name);
      if (t != null) {
        return t;
      }
      throw Builtins.notFound(name);
    }
    return b;
  }

  /** Binds a module-level name to {@code v}, whose reference it takes; see {@link #vmGlobals}. */
  private void storeName(String name, Object v) {
    if (v instanceof PyObject o) {
      PyUnicode key = PyUnicode.of(name);
      globals.storeItem(key, o);
      key.decref();
      o.decref();
      return;
    }
    PyUnicode key = names.get(name);
    if (key != null && globals.borrowItem(key) != null) {
      globals.delItem(name); // rebinding a data global to a VM value: the dict entry would shadow
    }
    Object old = vmGlobals.put(name, v);
    if (old != null) {
      release(old);
    }
  }
}

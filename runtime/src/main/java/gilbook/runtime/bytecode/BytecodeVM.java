package gilbook.runtime.bytecode;

import gilbook.runtime.Eval;
import gilbook.runtime.PyBool;
import gilbook.runtime.PyDict;
import gilbook.runtime.PyException;
import gilbook.runtime.PyList;
import gilbook.runtime.PyLong;
import gilbook.runtime.PyNone;
import gilbook.runtime.PyObject;
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
 * <p>Build it, call it and close it in Python threads of one interpreter; several threads may run
 * its functions at once, as they hold the GIL in turn. Not otherwise thread-safe.
 */
public final class BytecodeVM implements AutoCloseable {
  /** How deep Python calls may nest before {@code RecursionError}. */
  public static final int MAX_DEPTH = 200;

  private static final String[] BINARY_OPS = {
    "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^"
  };
  private static final String[] COMPARE_OPS = {"<", "<=", "==", "!=", ">", ">="};

  private final Listing listing;
  private final PyDict globals;
  private final CheckPointPolicy policy;
  private final long budget;
  private final Map<DisFunction, Map<Integer, Object>> constants = new HashMap<>();
  private final Map<String, PyUnicode> names = new HashMap<>();
  private final Consumer<String> stdout;
  private long instructionsRun;
  private final Quickening311 quickening = new Quickening311();
  private boolean closed;

  /**
   * A VM for {@code listing} whose module globals are {@code globals} (borrowed: the caller keeps
   * it alive until {@link #close()}). Must run in a Python thread that holds the GIL.
   *
   * @param budget the most bytecodes all calls together may run
   * @param stdout where {@code print} writes, one call per printed line (with its end)
   * @throws ListingException if a constant cannot be read
   */
  public BytecodeVM(
      Listing listing,
      PyDict globals,
      CheckPointPolicy policy,
      long budget,
      Consumer<String> stdout) {
    this.listing = Objects.requireNonNull(listing, "listing must not be null");
    this.globals = Objects.requireNonNull(globals, "globals must not be null");
    this.policy = Objects.requireNonNull(policy, "policy must not be null");
    this.stdout = Objects.requireNonNull(stdout, "stdout must not be null");
    if (budget <= 0) {
      throw new IllegalArgumentException("budget must be positive, got " + budget);
    }
    this.budget = budget;
    for (DisFunction f : listing.functions().values()) {
      Map<Integer, Object> consts = new HashMap<>();
      for (Instruction in : f.instructions()) {
        switch (in.opcode()) {
          case LOAD_CONST -> consts.computeIfAbsent(in.arg(), k -> constant(in));
          case LOAD_GLOBAL, STORE_GLOBAL, LOAD_NAME, STORE_NAME, LOAD_METHOD, LOAD_ATTR ->
              names.computeIfAbsent(globalName(in), PyUnicode::of);
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
    return (PyObject) run(f, locals, 0);
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
                + params);
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
    for (Map<Integer, Object> consts : constants.values()) {
      consts.values().forEach(BytecodeVM::release);
    }
    names.values().forEach(PyObject::decref);
  }

  // ---------------------------------------------------------------- values that are not objects

  private record Function(DisFunction code) {}

  private record Builtin(String name) {}

  /** {@code list.append} or {@code dict.get} as {@code LOAD_METHOD} pushes it, without self. */
  private record MethodDescriptor(String name) {}

  private record BoundMethod(String name, PyObject self) {}

  private record Range(long start, long stop, long step) {}

  private static final class RangeIterator {
    long next;
    final long stop;
    final long step;

    RangeIterator(Range r) {
      next = r.start;
      stop = r.stop;
      step = r.step;
    }
  }

  private static final class ListIterator {
    final PyList list;
    int index;

    ListIterator(PyList list) {
      this.list = list;
    }
  }

  private static final class KeyIterator {
    final PyDict dict;
    final List<PyObject> keys;
    int index;

    KeyIterator(PyDict dict) {
      this.dict = dict;
      this.keys = dict.itemsView().stream().map(Map.Entry::getKey).toList();
    }
  }

  private static void release(Object v) {
    if (v instanceof PyObject o) {
      o.decref();
    } else if (v instanceof BoundMethod m) {
      m.self.decref();
    } else if (v instanceof ListIterator it) {
      it.list.decref();
    } else if (v instanceof KeyIterator it) {
      it.dict.decref();
    }
  }

  private static Object newRef(Object v) {
    if (v instanceof PyObject o) {
      return o.incref();
    }
    if (v instanceof BoundMethod m) {
      m.self.incref();
      return m;
    }
    if (v instanceof ListIterator || v instanceof KeyIterator || v instanceof RangeIterator) {
      throw new PythonError("SystemError", "the VM cannot copy an iterator");
    }
    return v;
  }

  // ---------------------------------------------------------------- the eval loop

  private Object run(DisFunction f, Object[] locals, int depth) {
    if (depth >= MAX_DEPTH) {
      releaseAll(locals, locals.length);
      throw new PythonError("RecursionError", "maximum recursion depth exceeded in " + f.name());
    }
    List<Instruction> code = f.instructions();
    Map<Integer, Object> consts = constants.get(f);
    Object[] stack = new Object[16];
    int sp = 0;
    int pc = 0;
    boolean tick = policy == CheckPointPolicy.TICK;
    List<String> kwNames = List.of();
    boolean skipCall = false; // the last PRECALL specialised to one that skips CALL unchecked
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
        boolean charged = tick;
        tick = policy == CheckPointPolicy.TICK;
        boolean jumped = false;
        boolean pythonCallee = false;
        int next = pc + 1;
        switch (op) {
          case CACHE, NOP -> {}
          case RESUME -> quickening.warmup(f);
          case PRECALL ->
              skipCall =
                  policy == CheckPointPolicy.PY_311
                      && quickening.skipsCall(
                          f, in, callKind(stack, sp, in.arg(), kwNames, popTopAfterCall(code, pc)));
          case PUSH_NULL -> stack[sp++] = null;
          case POP_TOP -> release(stack[--sp]);
          case COPY -> {
            stack[sp] = newRef(stack[sp - in.arg()]);
            sp++;
          }
          case SWAP -> {
            Object t = stack[sp - 1];
            stack[sp - 1] = stack[sp - in.arg()];
            stack[sp - in.arg()] = t;
          }
          case LOAD_CONST -> stack[sp++] = newRef(consts.get(in.arg()));
          case LOAD_FAST -> {
            Object v = locals[in.arg()];
            if (v == null) {
              throw new PythonError(
                  "UnboundLocalError",
                  "local variable '" + in.argrepr() + "' referenced before assignment");
            }
            stack[sp++] = newRef(v);
          }
          case STORE_FAST -> {
            Object old = locals[in.arg()];
            locals[in.arg()] = stack[--sp];
            if (old != null) {
              release(old);
            }
          }
          case LOAD_GLOBAL, LOAD_NAME -> {
            if (op == Opcode.LOAD_GLOBAL && (in.arg() & 1) == 1) {
              stack[sp++] = null;
            }
            stack[sp++] = loadGlobal(globalName(in));
          }
          case STORE_GLOBAL, STORE_NAME -> {
            Object v = stack[--sp];
            if (v instanceof PyObject o) {
              globals.storeItem(names.get(globalName(in)), o);
            }
            release(v);
          }
          case LOAD_METHOD -> {
            Object owner = stack[sp - 1];
            String name = globalName(in);
            checkMethod(owner, name);
            stack[sp - 1] = new MethodDescriptor(name);
            stack[sp++] = owner;
          }
          case LOAD_ATTR -> {
            Object owner = stack[sp - 1];
            String name = globalName(in);
            checkMethod(owner, name);
            stack[sp - 1] = new BoundMethod(name, (PyObject) owner);
          }
          case BINARY_OP -> {
            Object right = stack[--sp];
            Object left = stack[sp - 1];
            PyObject result = binaryOp(in.arg() % 13, left, right);
            release(left);
            release(right);
            stack[sp - 1] = result;
          }
          case COMPARE_OP -> {
            Object right = stack[--sp];
            Object left = stack[sp - 1];
            PyObject result = PyBool.of(compare(in.arg(), left, right));
            release(left);
            release(right);
            stack[sp - 1] = result;
          }
          case BINARY_SUBSCR -> {
            Object key = stack[--sp];
            Object container = stack[sp - 1];
            stack[sp - 1] = subscript(container, key).incref();
            release(container);
            release(key);
          }
          case STORE_SUBSCR -> {
            Object key = stack[--sp];
            Object container = stack[--sp];
            Object value = stack[--sp];
            storeSubscript(container, key, value);
            release(container);
            release(key);
            release(value);
          }
          case BUILD_LIST -> {
            PyList list = PyList.empty();
            for (int i = sp - in.arg(); i < sp; i++) {
              list.appendItem(asObject(stack[i]));
              release(stack[i]);
            }
            sp -= in.arg();
            stack[sp++] = list;
          }
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
          case GET_ITER -> stack[sp - 1] = iterator(stack[sp - 1]);
          case FOR_ITER -> {
            Object item = nextItem(stack[sp - 1]);
            if (item != null) {
              stack[sp++] = item;
            } else {
              release(stack[--sp]);
              next = f.indexOf(in.target());
              jumped = true;
            }
          }
          case JUMP_FORWARD, JUMP_BACKWARD -> {
            if (op == Opcode.JUMP_BACKWARD) {
              quickening.warmup(f);
            }
            next = f.indexOf(in.target());
            jumped = true;
          }
          case POP_JUMP_FORWARD_IF_FALSE,
              POP_JUMP_FORWARD_IF_TRUE,
              POP_JUMP_BACKWARD_IF_FALSE,
              POP_JUMP_BACKWARD_IF_TRUE -> {
            Object cond = stack[--sp];
            boolean truth = truth(cond);
            release(cond);
            boolean onTrue = op.name().endsWith("_TRUE");
            if (truth == onTrue) {
              next = f.indexOf(in.target());
              jumped = true;
            }
          }
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
          case MAKE_FUNCTION -> {
            if (in.arg() != 0) {
              throw new PythonError(
                  "SystemError", "MAKE_FUNCTION with defaults or closures is not supported");
            }
          }
          case KW_NAMES -> {
            if (in.argrepr().isEmpty()) {
              throw new PythonError(
                  "SystemError",
                  "KW_NAMES "
                      + in.arg()
                      + " (listing line "
                      + in.listingLine()
                      + "): CPython 3.11's dis does not print the keyword names (a tuple in"
                      + " co_consts), so the VM cannot tell which arguments are keywords; pass"
                      + " them by position, or write the names as dis would: KW_NAMES N (('end',))");
            }
            kwNames = parseNames(in.argrepr());
          }
          case CALL -> {
            int n = in.arg();
            Object x = stack[sp - n - 2];
            Object y = stack[sp - n - 1];
            Object callable;
            List<Object> args = new ArrayList<>();
            if (x != null) {
              callable = x;
              args.add(y);
            } else if (y instanceof BoundMethod m) {
              callable = new MethodDescriptor(m.name);
              args.add(m.self.incref());
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
            if (callable instanceof Function fn) {
              pythonCallee = true;
              if (!kw.isEmpty()) {
                throw new PythonError(
                    "TypeError", "keyword arguments to Python functions are not supported");
              }
              if (!charged && !policy.checks(op, false, true)) {
                Eval.instruction(); // 3.11: entered without a check; the callee's RESUME checks
                charged = true;
              }
              DisFunction callee = fn.code;
              if (args.size() != callee.argCount()) {
                args.forEach(BytecodeVM::release);
                throw new PythonError(
                    "TypeError",
                    callee.name()
                        + "() takes "
                        + callee.argCount()
                        + " positional arguments but "
                        + args.size()
                        + " were given");
              }
              Object[] calleeLocals = new Object[Math.max(callee.localCount(), args.size())];
              for (int i = 0; i < args.size(); i++) {
                calleeLocals[i] = args.get(i);
              }
              stack[sp++] = run(callee, calleeLocals, depth + 1);
            } else {
              try {
                stack[sp++] = callBuiltin(callable, args, kw);
              } finally {
                args.forEach(BytecodeVM::release);
              }
            }
          }
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
    } catch (PyException | PythonError | InstructionBudgetExceeded e) {
      releaseAll(stack, sp);
      releaseAll(locals, locals.length);
      throw e;
    }
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
    if (x instanceof MethodDescriptor m) {
      return m.name.equals("append") && y instanceof PyList && n == 1 && popTopAfterCall
          ? Quickening311.Kind.LIST_APPEND
          : Quickening311.Kind.OTHER;
    }
    if (x == null && y instanceof Builtin b) {
      return switch (b.name) {
        case "len" -> n == 1 ? Quickening311.Kind.LEN : Quickening311.Kind.OTHER;
        case "isinstance" -> n == 2 ? Quickening311.Kind.ISINSTANCE : Quickening311.Kind.OTHER;
        case "type" -> n == 1 ? Quickening311.Kind.TYPE_1 : Quickening311.Kind.OTHER;
        default -> Quickening311.Kind.OTHER;
      };
    }
    return Quickening311.Kind.OTHER;
  }

  /** Whether the PRECALL at {@code pc} is followed by its CALL and then a POP_TOP. */
  private static boolean popTopAfterCall(List<Instruction> code, int pc) {
    return pc + 2 < code.size()
        && code.get(pc + 1).opcode() == Opcode.CALL
        && code.get(pc + 2).opcode() == Opcode.POP_TOP;
  }

  private static void releaseAll(Object[] values, int n) {
    for (int i = 0; i < n; i++) {
      if (values[i] != null) {
        Object v = values[i];
        values[i] = null;
        release(v);
      }
    }
  }

  // ---------------------------------------------------------------- operations

  private Object loadGlobal(String name) {
    PyObject v = globals.borrowItem(names.get(name));
    if (v != null) {
      return v.incref();
    }
    DisFunction f = listing.functions().get(name);
    if (f != null) {
      return new Function(f);
    }
    return switch (name) {
      case "range", "len", "print", "str" -> new Builtin(name);
      default -> throw new PythonError("NameError", "name '" + name + "' is not defined");
    };
  }

  private static void checkMethod(Object owner, String name) {
    boolean ok =
        owner instanceof PyList && name.equals("append")
            || owner instanceof PyDict && name.equals("get");
    if (!ok) {
      throw new PythonError(
          "AttributeError",
          "'"
              + typeName(owner)
              + "' object has no attribute '"
              + name
              + "' in this VM (it knows list.append and dict.get)");
    }
  }

  private Object callBuiltin(Object callable, List<Object> args, List<String> kw) {
    if (callable instanceof MethodDescriptor m) {
      Object self = args.get(0);
      if (m.name.equals("append")) {
        requireArgs("list.append", args.size() - 1, 1, 1);
        ((PyList) self).appendItem(asObject(args.get(1)));
        return PyNone.get();
      }
      requireArgs("dict.get", args.size() - 1, 1, 2);
      PyObject v = ((PyDict) self).borrowItem(asObject(args.get(1)));
      if (v == null) {
        return args.size() > 2 ? asObject(args.get(2)).incref() : PyNone.get();
      }
      return v.incref();
    }
    if (callable instanceof Builtin b) {
      int positional = args.size() - kw.size();
      switch (b.name) {
        case "range" -> {
          requireArgs("range", args.size(), 1, 3);
          long[] a = new long[args.size()];
          for (int i = 0; i < a.length; i++) {
            a[i] = asLong(args.get(i));
          }
          if (a.length == 1) {
            return new Range(0, a[0], 1);
          }
          long step = a.length == 3 ? a[2] : 1;
          if (step == 0) {
            throw new PythonError("ValueError", "range() arg 3 must not be zero");
          }
          return new Range(a[0], a[1], step);
        }
        case "str" -> {
          requireArgs("str", args.size(), 1, 1);
          return PyUnicode.of(str(args.get(0)));
        }
        case "len" -> {
          requireArgs("len", args.size(), 1, 1);
          Object o = args.get(0);
          long n;
          if (o instanceof PyList l) {
            n = l.length();
          } else if (o instanceof PyDict d) {
            n = d.itemsView().size();
          } else if (o instanceof PyUnicode s) {
            n = s.value().length();
          } else {
            throw new PythonError("TypeError", "object of type '" + typeName(o) + "' has no len()");
          }
          return PyLong.fromLong(n);
        }
        default -> {
          String sep = " ";
          String end = "\n";
          for (int i = 0; i < kw.size(); i++) {
            Object v = args.get(positional + i);
            String s = v instanceof PyNone ? null : str(v);
            switch (kw.get(i)) {
              case "sep" -> sep = s == null ? " " : s;
              case "end" -> end = s == null ? "\n" : s;
              default ->
                  throw new PythonError(
                      "TypeError",
                      "'" + kw.get(i) + "' is an invalid keyword argument for print()");
            }
          }
          StringBuilder sb = new StringBuilder();
          for (int i = 0; i < positional; i++) {
            if (i > 0) {
              sb.append(sep);
            }
            sb.append(str(args.get(i)));
          }
          stdout.accept(sb.append(end).toString());
          return PyNone.get();
        }
      }
    }
    throw new PythonError("TypeError", "'" + typeName(callable) + "' object is not callable");
  }

  private static void requireArgs(String name, int given, int min, int max) {
    if (given < min || given > max) {
      throw new PythonError(
          "TypeError",
          name
              + "() takes "
              + (min == max ? "exactly " + min : min + " to " + max)
              + " arguments ("
              + given
              + " given)");
    }
  }

  private static PyObject subscript(Object container, Object key) {
    if (container instanceof PyDict d) {
      PyObject v = d.borrowItem(asObject(key));
      if (v == null) {
        throw new PythonError("KeyError", asObject(key).repr());
      }
      return v;
    }
    if (container instanceof PyList l) {
      return l.borrowItem(asLong(key));
    }
    throw new PythonError("TypeError", "'" + typeName(container) + "' object is not subscriptable");
  }

  private static void storeSubscript(Object container, Object key, Object value) {
    if (container instanceof PyDict d) {
      d.storeItem(asObject(key), asObject(value));
    } else if (container instanceof PyList l) {
      l.storeItem(asLong(key), asObject(value));
    } else {
      throw new PythonError(
          "TypeError", "'" + typeName(container) + "' object does not support item assignment");
    }
  }

  private static Object iterator(Object o) {
    if (o instanceof Range r) {
      return new RangeIterator(r);
    }
    if (o instanceof PyList l) {
      return new ListIterator(l); // takes over the stack's reference
    }
    if (o instanceof PyDict d) {
      return new KeyIterator(d);
    }
    throw new PythonError("TypeError", "'" + typeName(o) + "' object is not iterable");
  }

  /** The next item as a new reference, or {@code null} when the iterator is exhausted. */
  private static PyObject nextItem(Object it) {
    if (it instanceof RangeIterator r) {
      if (r.step > 0 ? r.next >= r.stop : r.next <= r.stop) {
        return null;
      }
      long v = r.next;
      r.next += r.step;
      return PyLong.fromLong(v);
    }
    if (it instanceof ListIterator l) {
      return l.index < l.list.length() ? l.list.borrowItem(l.index++).incref() : null;
    }
    if (it instanceof KeyIterator k) {
      return k.index < k.keys.size() ? k.keys.get(k.index++).incref() : null;
    }
    throw new PythonError("TypeError", "'" + typeName(it) + "' object is not an iterator");
  }

  private static PyObject binaryOp(int op, Object left, Object right) {
    String sym = BINARY_OPS[op];
    if (isInt(left) && isInt(right)) {
      long a = asLong(left);
      long b = asLong(right);
      try {
        return PyLong.fromLong(
            switch (sym) {
              case "+" -> Math.addExact(a, b);
              case "-" -> Math.subtractExact(a, b);
              case "*" -> Math.multiplyExact(a, b);
              case "//" -> Math.floorDiv(a, nonZero(b));
              case "%" -> Math.floorMod(a, nonZero(b));
              case "&" -> a & b;
              case "|" -> a | b;
              case "^" -> a ^ b;
              case "<<" -> a << b;
              case ">>" -> a >> b;
              case "**" -> pow(a, b);
              default ->
                  throw new PythonError(
                      "TypeError", "operator " + sym + " needs float, which the VM does not have");
            });
      } catch (ArithmeticException e) {
        throw new PythonError("OverflowError", "the simulated int is limited to 64 bits");
      }
    }
    if (sym.equals("+") && left instanceof PyUnicode a && right instanceof PyUnicode b) {
      return PyUnicode.of(a.value() + b.value());
    }
    throw new PythonError(
        "TypeError",
        "unsupported operand type(s) for "
            + sym
            + ": '"
            + typeName(left)
            + "' and '"
            + typeName(right)
            + "'");
  }

  private static long nonZero(long b) {
    if (b == 0) {
      throw new PythonError("ZeroDivisionError", "integer division or modulo by zero");
    }
    return b;
  }

  private static long pow(long a, long b) {
    if (b < 0) {
      throw new PythonError("TypeError", "negative powers need float, which the VM does not have");
    }
    long r = 1;
    for (long i = 0; i < b; i++) {
      r = Math.multiplyExact(r, a);
    }
    return r;
  }

  private static boolean compare(int op, Object left, Object right) {
    if (op < 0 || op >= COMPARE_OPS.length) {
      throw new PythonError("SystemError", "bad COMPARE_OP argument " + op);
    }
    String sym = COMPARE_OPS[op];
    int c;
    if (isInt(left) && isInt(right)) {
      c = Long.compare(asLong(left), asLong(right));
    } else if (left instanceof PyUnicode a && right instanceof PyUnicode b) {
      c = a.value().compareTo(b.value());
    } else if (sym.equals("==") || sym.equals("!=")) {
      boolean same = left == right || left instanceof PyNone && right instanceof PyNone;
      return sym.equals("==") == same;
    } else {
      throw new PythonError(
          "TypeError",
          "'"
              + sym
              + "' not supported between instances of '"
              + typeName(left)
              + "' and '"
              + typeName(right)
              + "'");
    }
    return switch (sym) {
      case "<" -> c < 0;
      case "<=" -> c <= 0;
      case "==" -> c == 0;
      case "!=" -> c != 0;
      case ">" -> c > 0;
      default -> c >= 0;
    };
  }

  private static boolean truth(Object o) {
    if (o instanceof PyBool b) {
      return b.value();
    }
    if (o instanceof PyLong n) {
      return n.asLong() != 0;
    }
    if (o instanceof PyNone) {
      return false;
    }
    if (o instanceof PyUnicode s) {
      return !s.value().isEmpty();
    }
    if (o instanceof PyList l) {
      return l.length() > 0;
    }
    if (o instanceof PyDict d) {
      return !d.itemsView().isEmpty();
    }
    return true;
  }

  private static boolean isInt(Object o) {
    return o instanceof PyLong || o instanceof PyBool;
  }

  private static long asLong(Object o) {
    if (o instanceof PyLong n) {
      return n.asLong();
    }
    if (o instanceof PyBool b) {
      return b.value() ? 1 : 0;
    }
    throw new PythonError(
        "TypeError", "'" + typeName(o) + "' object cannot be interpreted as an integer");
  }

  private static PyObject asObject(Object o) {
    if (o instanceof PyObject p) {
      return p;
    }
    throw new PythonError(
        "TypeError", "the VM cannot store a " + typeName(o) + " in a list or dict");
  }

  private static String str(Object o) {
    if (o instanceof PyUnicode s) {
      return s.value();
    }
    if (o instanceof PyObject p) {
      return p.repr();
    }
    return "<" + typeName(o) + ">";
  }

  private static String typeName(Object o) {
    if (o instanceof PyObject p) {
      return p.typeName();
    }
    if (o == null) {
      return "NULL";
    }
    if (o instanceof Function) {
      return "function";
    }
    if (o instanceof Builtin || o instanceof MethodDescriptor || o instanceof BoundMethod) {
      return "builtin_function_or_method";
    }
    if (o instanceof Range) {
      return "range";
    }
    return "iterator";
  }

  // ---------------------------------------------------------------- reading the listing

  /** The name an instruction uses: {@code NULL + range} gives {@code range}. */
  static String globalName(Instruction in) {
    String r = in.argrepr();
    return r.startsWith("NULL + ") ? r.substring("NULL + ".length()) : r;
  }

  private Object constant(Instruction in) {
    String r = in.argrepr();
    try {
      if (r.equals("None")) {
        return PyNone.get();
      }
      if (r.equals("True") || r.equals("False")) {
        return PyBool.of(r.equals("True"));
      }
      if (r.matches("-?\\d+")) {
        return PyLong.fromLong(Long.parseLong(r));
      }
      if (r.length() >= 2
          && (r.startsWith("'") && r.endsWith("'") || r.startsWith("\"") && r.endsWith("\""))) {
        return PyUnicode.of(unescape(r.substring(1, r.length() - 1)));
      }
      if (r.startsWith("<code object ")) {
        String name = r.substring("<code object ".length()).split(" ")[0];
        DisFunction f = listing.functions().get(name);
        if (f != null) {
          return new Function(f);
        }
      }
    } catch (NumberFormatException e) {
      // falls through to the error below
    }
    throw new ListingException(
        in.listingLine(),
        "constant "
            + r
            + " is not supported; the VM knows None, True, False, ints, strings and the"
            + " listing's code objects");
  }

  private static String unescape(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        sb.append(
            switch (n) {
              case 'n' -> '\n';
              case 't' -> '\t';
              case 'r' -> '\r';
              default -> n;
            });
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static List<String> parseNames(String argrepr) {
    List<String> out = new ArrayList<>();
    for (String part : argrepr.replaceAll("[()\\s]", "").split(",")) {
      if (!part.isEmpty()) {
        out.add(part.substring(1, part.length() - 1));
      }
    }
    return out;
  }
}

package gilbook.runtime.bytecode;

import static gilbook.runtime.bytecode.Values.asLong;
import static gilbook.runtime.bytecode.Values.requireArgs;
import static gilbook.runtime.bytecode.Values.str;
import static gilbook.runtime.bytecode.Values.typeName;

import gilbook.runtime.PyBool;
import gilbook.runtime.PyDict;
import gilbook.runtime.PyDictView;
import gilbook.runtime.PyList;
import gilbook.runtime.PyLong;
import gilbook.runtime.PyNone;
import gilbook.runtime.PyObject;
import gilbook.runtime.PySet;
import gilbook.runtime.PyTuple;
import gilbook.runtime.PyUnicode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The builtin functions the VM has ({@code Python/bltinmodule.c}), by name. Each body gets its
 * arguments borrowed and returns a new reference. To add one, add an entry to {@link #BUILTINS}.
 */
final class Builtins {
  private Builtins() {}

  private static final Map<String, Callables.Builtin> BUILTINS = new TreeMap<>();

  static {
    add("abs", Builtins::abs);
    add("len", Builtins::len);
    add("print", Builtins::print);
    add("range", Builtins::range);
    add("str", Builtins::str_);
    add("min", (vm, args, kw) -> minMax("min", args, kw, -1));
    add("max", (vm, args, kw) -> minMax("max", args, kw, 1));
    add("sum", Builtins::sum);
    add("sorted", Builtins::sorted);
    add("enumerate", Builtins::enumerate);
    add("zip", Builtins::zip);
    add("isinstance", Builtins::isinstance);
    add("type", Builtins::type);
    add("int", Builtins::int_);
    add("bool", Builtins::bool_);
    add("list", Builtins::list);
    add("tuple", Builtins::tuple);
    add("set", (vm, args, kw) -> set("set", PySet.empty(), args, kw));
    add("frozenset", (vm, args, kw) -> set("frozenset", PySet.emptyFrozen(), args, kw));
    add("dict", Builtins::dict);
  }

  /** The builtins that are types, so {@code type(x)} returns them and they print as classes. */
  private static final Set<String> TYPES =
      Set.of("int", "bool", "str", "list", "tuple", "set", "frozenset", "dict", "range", "type");

  /** Type objects for the VM's other types ({@code NoneType}, {@code frozenset}, ...). */
  private static final Map<String, Callables.Builtin> OTHER_TYPES =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * A tuple of type objects, as {@code isinstance(x, (int, str))} builds it: the VM's types are not
   * simulated objects, so a {@link PyTuple} cannot hold them. Owns nothing. Immutable.
   */
  record TypeTuple(List<Callables.Builtin> types) {
    /** The types in {@code stack[from..to)}, or null unless there are some and all are types. */
    static TypeTuple of(Object[] stack, int from, int to) {
      List<Callables.Builtin> types = new java.util.ArrayList<>();
      for (int i = from; i < to; i++) {
        if (!(stack[i] instanceof Callables.Builtin b && isType(b))) {
          return null;
        }
        types.add(b);
      }
      return types.isEmpty() ? null : new TypeTuple(List.copyOf(types));
    }
  }

  /** Whether {@code b} is a type object ({@code int}, or what {@code type(x)} returned). */
  static boolean isType(Callables.Builtin b) {
    return TYPES.contains(b.name()) && BUILTINS.get(b.name()) == b
        || OTHER_TYPES.get(b.name()) == b;
  }

  /** The type object named {@code name}: {@code type(x)} for an {@code x} of that type. */
  static Callables.Builtin typeObject(String name) {
    if (TYPES.contains(name)) {
      return BUILTINS.get(name);
    }
    return OTHER_TYPES.computeIfAbsent(
        name,
        n ->
            new Callables.Builtin(
                n,
                (vm, args, kw) -> {
                  throw new PythonError(
                      "TypeError", "cannot create '" + n + "' instances in this VM");
                }));
  }

  /** Every name in CPython 3.11's {@code builtins} module that is a function or a type. */
  private static final Set<String> CPYTHON_BUILTINS =
      Set.of(
          ("abs aiter all anext any ascii bin bool breakpoint bytearray bytes callable chr"
                  + " classmethod compile complex delattr dict dir divmod enumerate eval exec"
                  + " filter float format frozenset getattr globals hasattr hash help hex id input"
                  + " int isinstance issubclass iter len list locals map max memoryview min next"
                  + " object oct open ord pow print property range repr reversed round set setattr"
                  + " slice sorted staticmethod str sum super tuple type vars zip __import__"
                  + " __build_class__")
              .split(" "));

  private static void add(String name, Callables.Body body) {
    BUILTINS.put(name, new Callables.Builtin(name, body));
  }

  /** The builtin named {@code name}, or {@code null} if the VM has none by that name. */
  static Callables.Builtin lookup(String name) {
    return BUILTINS.get(name);
  }

  /**
   * The error for a global name that neither the globals, the listing nor the VM's builtins define:
   * {@code NameError}, as CPython raises it, unless it is a CPython builtin that the VM lacks,
   * which is said plainly.
   */
  static PythonError notFound(String name) {
    if (CPYTHON_BUILTINS.contains(name)) {
      return new PythonError(
          "NameError",
          "name '"
              + name
              + "' is a Python builtin that this VM does not have; it has "
              + String.join(", ", BUILTINS.keySet()));
    }
    return new PythonError("NameError", "name '" + name + "' is not defined");
  }

  private static Object abs(VmContext vm, List<Object> args, List<String> kw) {
    noKeywords("abs", kw);
    requireArgs("abs", args.size(), 1, 1);
    Object o = args.get(0);
    if (!Values.isInt(o)) {
      throw new PythonError("TypeError", "bad operand type for abs(): '" + typeName(o) + "'");
    }
    long v = asLong(o);
    if (v == Long.MIN_VALUE) {
      throw new PythonError("OverflowError", "the simulated int is limited to 64 bits");
    }
    return PyLong.fromLong(Math.abs(v));
  }

  private static Object len(VmContext vm, List<Object> args, List<String> kw) {
    noKeywords("len", kw);
    requireArgs("len", args.size(), 1, 1);
    Object o = args.get(0);
    long n;
    if (o instanceof PyList l) {
      n = l.length();
    } else if (o instanceof PyDict d) {
      n = d.itemsView().size();
    } else if (o instanceof PyUnicode s) {
      n = s.value().length();
    } else if (o instanceof PyTuple t) {
      n = t.length();
    } else if (o instanceof PySet st) {
      n = st.length();
    } else if (o instanceof PyDictView v) {
      n = v.length();
    } else {
      throw new PythonError("TypeError", "object of type '" + typeName(o) + "' has no len()");
    }
    return PyLong.fromLong(n);
  }

  private static Object print(VmContext vm, List<Object> args, List<String> kw) {
    int positional = args.size() - kw.size();
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
                "TypeError", "'" + kw.get(i) + "' is an invalid keyword argument for print()");
      }
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < positional; i++) {
      if (i > 0) {
        sb.append(sep);
      }
      sb.append(str(args.get(i)));
    }
    vm.print(sb.append(end).toString());
    return PyNone.get();
  }

  private static Object range(VmContext vm, List<Object> args, List<String> kw) {
    noKeywords("range", kw);
    requireArgs("range", args.size(), 1, 3);
    long[] a = new long[args.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = asLong(args.get(i));
    }
    if (a.length == 1) {
      return new Iterators.Range(0, a[0], 1);
    }
    long step = a.length == 3 ? a[2] : 1;
    if (step == 0) {
      throw new PythonError("ValueError", "range() arg 3 must not be zero");
    }
    return new Iterators.Range(a[0], a[1], step);
  }

  private static Object str_(VmContext vm, List<Object> args, List<String> kw) {
    noKeywords("str", kw);
    requireArgs("str", args.size(), 0, 1);
    return PyUnicode.of(args.isEmpty() ? "" : str(args.get(0)));
  }

  /** {@code min(iterable)}, {@code min(a, b, ...)} and {@code max}: {@code sign} -1 or 1. */
  private static Object minMax(String name, List<Object> args, List<String> kw, int sign) {
    if (!kw.isEmpty()) {
      throw new PythonError(
          "TypeError", name + "() with " + kw + " is not supported by this VM; use a loop");
    }
    if (args.isEmpty()) {
      throw new PythonError("TypeError", name + " expected at least 1 argument, got 0");
    }
    List<PyObject> items =
        args.size() == 1 ? Iterators.items(args.get(0)) : newRefs(args.toArray());
    try {
      if (items.isEmpty()) {
        throw new PythonError("ValueError", name + "() arg is an empty sequence");
      }
      PyObject best = items.get(0);
      for (PyObject item : items.subList(1, items.size())) {
        // CPython keeps the first of equal items: it replaces only on a strict < (min) or > (max)
        if (sign < 0
            ? Operators.order("<", item, best) < 0
            : Operators.order(">", item, best) > 0) {
          best = item;
        }
      }
      return best.incref();
    } finally {
      items.forEach(PyObject::decref);
    }
  }

  private static List<PyObject> newRefs(Object[] values) {
    List<PyObject> out = new java.util.ArrayList<>();
    for (Object v : values) {
      out.add(Values.asObject(v).incref());
    }
    return out;
  }

  private static Object sum(VmContext vm, List<Object> args, List<String> kw) {
    noKeywords("sum", kw);
    requireArgs("sum", args.size(), 1, 2);
    List<PyObject> items = Iterators.items(args.get(0));
    try {
      Object total = args.size() > 1 ? Values.newRef(args.get(1)) : PyLong.fromLong(0);
      for (PyObject item : items) {
        PyObject next = Operators.binaryOp(0, total, item);
        Values.release(total);
        total = next;
      }
      return total;
    } finally {
      items.forEach(PyObject::decref);
    }
  }

  private static Object sorted(VmContext vm, List<Object> args, List<String> kw) {
    requireArgs("sorted", args.size() - kw.size(), 1, 1);
    boolean reverse = false;
    for (int i = 0; i < kw.size(); i++) {
      if (!kw.get(i).equals("reverse")) {
        throw new PythonError(
            "TypeError", "sorted() with " + kw.get(i) + "= is not supported by this VM");
      }
      reverse = Values.truth(args.get(args.size() - kw.size() + i));
    }
    List<PyObject> items = Iterators.items(args.get(0));
    try {
      sortInPlace(items, reverse);
      return PyList.of(items.toArray(new PyObject[0]));
    } finally {
      items.forEach(PyObject::decref);
    }
  }

  /** A stable sort with Python's {@code <}, as {@code list.sort} does; reverse keeps it stable. */
  static void sortInPlace(List<PyObject> items, boolean reverse) {
    if (reverse) {
      java.util.Collections.reverse(items);
    }
    items.sort((a, b) -> Operators.order("<", a, b));
    if (reverse) {
      java.util.Collections.reverse(items);
    }
  }

  private static Object enumerate(VmContext vm, List<Object> args, List<String> kw) {
    long start = 0;
    int positional = args.size() - kw.size();
    for (int i = 0; i < kw.size(); i++) {
      if (!kw.get(i).equals("start")) {
        throw new PythonError(
            "TypeError", "'" + kw.get(i) + "' is an invalid keyword argument for enumerate()");
      }
      start = asLong(args.get(positional + i));
    }
    requireArgs("enumerate", positional, 1, 2);
    if (positional == 2) {
      start = asLong(args.get(1));
    }
    return new Iterators.Enumerate(Iterators.iteratorOf(args.get(0)), start);
  }

  private static Object zip(VmContext vm, List<Object> args, List<String> kw) {
    noKeywords("zip", kw);
    List<Iterators.VmIterator> inners = new java.util.ArrayList<>();
    try {
      for (Object a : args) {
        inners.add(Iterators.iteratorOf(a));
      }
    } catch (RuntimeException e) {
      inners.forEach(Iterators.VmIterator::release);
      throw e;
    }
    return new Iterators.Zip(inners);
  }

  private static Object isinstance(VmContext vm, List<Object> args, List<String> kw) {
    noKeywords("isinstance", kw);
    requireArgs("isinstance", args.size(), 2, 2);
    Object o = args.get(0);
    Object t = args.get(1);
    List<Callables.Builtin> types;
    if (t instanceof Callables.Builtin b && isType(b)) {
      types = List.of(b);
    } else if (t instanceof TypeTuple tt) {
      types = tt.types();
    } else {
      throw new PythonError(
          "TypeError", "isinstance() arg 2 must be a type, a tuple of types, or a union");
    }
    String name = typeName(o);
    boolean is = false;
    for (Callables.Builtin b : types) {
      is |=
          name.equals(b.name())
              || b.name().equals("int") && name.equals("bool") // bool is a subclass of int
              || b.name().equals("type") && o instanceof Callables.Builtin c && isType(c);
    }
    return PyBool.of(is);
  }

  private static Object type(VmContext vm, List<Object> args, List<String> kw) {
    noKeywords("type", kw);
    if (args.size() != 1) {
      throw new PythonError("TypeError", "type() takes 1 argument in this VM (type(x))");
    }
    return typeObject(typeName(args.get(0)));
  }

  private static Object int_(VmContext vm, List<Object> args, List<String> kw) {
    noKeywords("int", kw);
    requireArgs("int", args.size(), 0, 2);
    if (args.isEmpty()) {
      return PyLong.fromLong(0);
    }
    Object o = args.get(0);
    if (o instanceof PyUnicode s) {
      int base = args.size() > 1 ? (int) asLong(args.get(1)) : 10;
      String text = s.value().strip().replace("_", "");
      try {
        return PyLong.fromLong(
            Long.parseLong(text.startsWith("+") ? text.substring(1) : text, base));
      } catch (NumberFormatException e) {
        throw new PythonError(
            "ValueError", "invalid literal for int() with base " + base + ": " + Values.repr(o));
      }
    }
    if (args.size() > 1) {
      throw new PythonError("TypeError", "int() can't convert non-string with explicit base");
    }
    if (Values.isInt(o)) {
      return PyLong.fromLong(asLong(o));
    }
    throw new PythonError(
        "TypeError",
        "int() argument must be a string, a bytes-like object or a real number, not '"
            + typeName(o)
            + "'");
  }

  private static Object bool_(VmContext vm, List<Object> args, List<String> kw) {
    noKeywords("bool", kw);
    requireArgs("bool", args.size(), 0, 1);
    return PyBool.of(!args.isEmpty() && Values.truth(args.get(0)));
  }

  private static Object list(VmContext vm, List<Object> args, List<String> kw) {
    noKeywords("list", kw);
    requireArgs("list", args.size(), 0, 1);
    List<PyObject> items = args.isEmpty() ? List.of() : Iterators.items(args.get(0));
    try {
      return PyList.of(items.toArray(new PyObject[0]));
    } finally {
      items.forEach(PyObject::decref);
    }
  }

  private static Object tuple(VmContext vm, List<Object> args, List<String> kw) {
    noKeywords("tuple", kw);
    requireArgs("tuple", args.size(), 0, 1);
    List<PyObject> items = args.isEmpty() ? List.of() : Iterators.items(args.get(0));
    try {
      return PyTuple.of(items);
    } finally {
      items.forEach(PyObject::decref);
    }
  }

  /** {@code set(iterable)} and {@code frozenset(iterable)}, filling {@code set}. */
  private static Object set(String name, PySet set, List<Object> args, List<String> kw) {
    try {
      noKeywords(name, kw);
      requireArgs(name, args.size(), 0, 1);
      List<PyObject> items = args.isEmpty() ? List.of() : Iterators.items(args.get(0));
      try {
        items.forEach(set::addItem);
      } finally {
        items.forEach(PyObject::decref);
      }
      return set;
    } catch (RuntimeException e) {
      set.decref();
      throw e;
    }
  }

  /** {@code dict()}, {@code dict(mapping)}, {@code dict(pairs)}, and keyword arguments. */
  private static Object dict(VmContext vm, List<Object> args, List<String> kw) {
    int positional = args.size() - kw.size();
    requireArgs("dict", positional, 0, 1);
    PyDict d = PyDict.empty();
    try {
      if (positional == 1 && args.get(0) instanceof PyDict from) {
        for (Map.Entry<PyObject, PyObject> e : from.itemsView()) {
          d.storeItem(e.getKey(), e.getValue());
        }
      } else if (positional == 1) {
        List<PyObject> pairs = Iterators.items(args.get(0));
        try {
          for (int i = 0; i < pairs.size(); i++) {
            PyObject pair = pairs.get(i);
            List<PyObject> kv =
                pair instanceof PyTuple t
                    ? t.itemsView()
                    : pair instanceof PyList l ? l.itemsView() : null;
            if (kv == null || kv.size() != 2) {
              throw new PythonError(
                  "ValueError",
                  "dictionary update sequence element #"
                      + i
                      + " has length "
                      + (kv == null ? "?" : kv.size())
                      + "; 2 is required");
            }
            d.storeItem(kv.get(0), kv.get(1));
          }
        } finally {
          pairs.forEach(PyObject::decref);
        }
      }
      for (int i = 0; i < kw.size(); i++) {
        PyUnicode key = PyUnicode.of(kw.get(i));
        d.storeItem(key, Values.asObject(args.get(positional + i)));
        key.decref();
      }
      return d;
    } catch (RuntimeException e) {
      d.decref();
      throw e;
    }
  }

  /** CPython's {@code TypeError} for a builtin that takes no keyword arguments. */
  static void noKeywords(String name, List<String> kw) {
    if (!kw.isEmpty()) {
      throw new PythonError("TypeError", name + "() takes no keyword arguments");
    }
  }
}

package gilbook.runtime.bytecode;

import static gilbook.runtime.bytecode.Values.asObject;
import static gilbook.runtime.bytecode.Values.requireArgs;

import gilbook.runtime.PyBool;
import gilbook.runtime.PyDict;
import gilbook.runtime.PyDictView;
import gilbook.runtime.PyList;
import gilbook.runtime.PyLong;
import gilbook.runtime.PyNone;
import gilbook.runtime.PyObject;
import gilbook.runtime.PySet;
import gilbook.runtime.PyUnicode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The methods of the VM's types ({@code Objects/listobject.c}, {@code Objects/dictobject.c}), as
 * {@code LOAD_METHOD} finds them. A body's first argument is {@code self}; all are borrowed. To add
 * one, add an entry to {@link #METHODS}.
 */
final class Methods {
  private Methods() {}

  /** By type name, then method name. */
  private static final Map<String, Map<String, Callables.MethodDescriptor>> METHODS =
      new HashMap<>();

  static {
    add("list", "append", Methods::listAppend);
    add("dict", "get", Methods::dictGet);
    add("list", "pop", Methods::listPop);
    add("list", "extend", Methods::listExtend);
    add("list", "insert", Methods::listInsert);
    add("list", "remove", Methods::listRemove);
    add("list", "index", Methods::listIndex);
    add("list", "count", Methods::listCount);
    add("list", "sort", Methods::listSort);
    add("dict", "keys", (vm, args, kw) -> view(args, kw, PyDictView.Kind.KEYS));
    add("dict", "values", (vm, args, kw) -> view(args, kw, PyDictView.Kind.VALUES));
    add("dict", "items", (vm, args, kw) -> view(args, kw, PyDictView.Kind.ITEMS));
    add("dict", "setdefault", Methods::dictSetdefault);
    add("dict", "pop", Methods::dictPop);
    add("set", "add", Methods::setAdd);
    add("set", "discard", Methods::setDiscard);
    add("set", "remove", Methods::setRemove);
    add("str", "join", Methods::strJoin);
    add("str", "format", Methods::strFormat);
    add("str", "upper", (vm, args, kw) -> strMap("upper", args, kw, String::toUpperCase));
    add("str", "lower", (vm, args, kw) -> strMap("lower", args, kw, String::toLowerCase));
    add("str", "strip", (vm, args, kw) -> strMap("strip", args, kw, String::strip));
    add("str", "startswith", (vm, args, kw) -> strTest("startswith", args, kw, String::startsWith));
    add("str", "endswith", (vm, args, kw) -> strTest("endswith", args, kw, String::endsWith));
    add("str", "split", Methods::strSplit);
  }

  private static void add(String type, String name, Callables.Body body) {
    METHODS
        .computeIfAbsent(type, t -> new HashMap<>())
        .put(name, new Callables.MethodDescriptor(type + "." + name, body));
  }

  /**
   * {@code owner.name} as {@code LOAD_METHOD} finds it.
   *
   * @throws PythonError {@code AttributeError} that names what the VM has for that type
   */
  static Callables.MethodDescriptor lookup(Object owner, String name) {
    Native.Obj n = Native.of(owner);
    if (n != null) {
      return n.type().method(name); // threading.Lock, queue.Queue...
    }
    String type = Values.typeName(owner);
    Map<String, Callables.MethodDescriptor> methods = METHODS.getOrDefault(type, Map.of());
    Callables.MethodDescriptor m = methods.get(name);
    if (m == null) {
      throw new PythonError(
          "AttributeError",
          "'"
              + type
              + "' object has no attribute '"
              + name
              + "' in this VM"
              + (methods.isEmpty()
                  ? " (it has no methods for " + type + ")"
                  : " (its " + type + " methods: " + new TreeSet<>(methods.keySet()) + ")"));
    }
    return m;
  }

  /**
   * {@code __enter__} or {@code __exit__} of a {@code with} statement's manager, as {@code
   * BEFORE_WITH} looks them up ({@code _PyObject_LookupSpecial}).
   *
   * @throws PythonError {@code TypeError} with CPython's message when {@code owner} has none
   */
  static Callables.MethodDescriptor special(Object owner, String name) {
    Native.Obj n = Native.of(owner);
    if (n != null && n.type().methods().containsKey(name)) {
      return n.type().methods().get(name);
    }
    throw new PythonError(
        "TypeError",
        "'"
            + Values.typeName(owner)
            + "' object does not support the context manager protocol"
            + (name.equals("__exit__") ? " (missed __exit__ method)" : "")
            + "; the VM's context managers are threading's Lock, RLock, Condition, Semaphore and"
            + " BoundedSemaphore");
  }

  /** Whether {@code m} is {@code list.append}, which 3.11 specialises ({@link Quickening311}). */
  static boolean isListAppend(Callables.MethodDescriptor m) {
    return m.qualifiedName().equals("list.append");
  }

  private static Object listAppend(VmContext vm, List<Object> args, List<String> kw) {
    Builtins.noKeywords("list.append", kw);
    requireArgs("list.append", args.size() - 1, 1, 1);
    ((PyList) args.get(0)).appendItem(asObject(args.get(1)));
    return PyNone.get();
  }

  private static Object listPop(VmContext vm, List<Object> args, List<String> kw) {
    Builtins.noKeywords("list.pop", kw);
    requireArgs("list.pop", args.size() - 1, 0, 1);
    return ((PyList) args.get(0)).popItem(args.size() > 1 ? Values.asLong(args.get(1)) : -1);
  }

  private static Object listExtend(VmContext vm, List<Object> args, List<String> kw) {
    Builtins.noKeywords("list.extend", kw);
    requireArgs("list.extend", args.size() - 1, 1, 1);
    extend((PyList) args.get(0), args.get(1));
    return PyNone.get();
  }

  /** {@code list.extend(iterable)}, {@code LIST_EXTEND}: the list takes its own references. */
  static void extend(PyList list, Object iterable) {
    List<PyObject> items = Iterators.items(iterable);
    try {
      items.forEach(list::appendItem);
    } finally {
      items.forEach(PyObject::decref);
    }
  }

  private static Object listInsert(VmContext vm, List<Object> args, List<String> kw) {
    Builtins.noKeywords("list.insert", kw);
    requireArgs("list.insert", args.size() - 1, 2, 2);
    ((PyList) args.get(0)).insertItem(Values.asLong(args.get(1)), asObject(args.get(2)));
    return PyNone.get();
  }

  /** The index of the first item equal to {@code x}, or -1. */
  private static int find(PyList list, Object x) {
    List<PyObject> items = list.itemsView();
    for (int i = 0; i < items.size(); i++) {
      if (Operators.equal(items.get(i), x)) {
        return i;
      }
    }
    return -1;
  }

  private static Object listRemove(VmContext vm, List<Object> args, List<String> kw) {
    Builtins.noKeywords("list.remove", kw);
    requireArgs("list.remove", args.size() - 1, 1, 1);
    PyList list = (PyList) args.get(0);
    int i = find(list, args.get(1));
    if (i < 0) {
      throw new PythonError("ValueError", "list.remove(x): x not in list");
    }
    list.deleteItem(i);
    return PyNone.get();
  }

  private static Object listIndex(VmContext vm, List<Object> args, List<String> kw) {
    Builtins.noKeywords("list.index", kw);
    requireArgs("list.index", args.size() - 1, 1, 1);
    int i = find((PyList) args.get(0), args.get(1));
    if (i < 0) {
      throw new PythonError("ValueError", Values.repr(args.get(1)) + " is not in list");
    }
    return PyLong.fromLong(i);
  }

  private static Object listCount(VmContext vm, List<Object> args, List<String> kw) {
    Builtins.noKeywords("list.count", kw);
    requireArgs("list.count", args.size() - 1, 1, 1);
    long n =
        ((PyList) args.get(0))
            .itemsView().stream().filter(o -> Operators.equal(o, args.get(1))).count();
    return PyLong.fromLong(n);
  }

  /** {@code list.sort(reverse=False)}: sorts a copy, then stores it back item by item. */
  private static Object listSort(VmContext vm, List<Object> args, List<String> kw) {
    requireArgs("list.sort", args.size() - 1 - kw.size(), 0, 0);
    boolean reverse = false;
    for (int i = 0; i < kw.size(); i++) {
      if (!kw.get(i).equals("reverse")) {
        throw new PythonError(
            "TypeError", "list.sort() with " + kw.get(i) + "= is not supported by this VM");
      }
      reverse = Values.truth(args.get(args.size() - kw.size() + i));
    }
    PyList list = (PyList) args.get(0);
    List<PyObject> items = new java.util.ArrayList<>(list.itemsView());
    Builtins.sortInPlace(items, reverse);
    items.forEach(PyObject::incref); // storing one may free another's only reference otherwise
    try {
      for (int i = 0; i < items.size(); i++) {
        list.storeItem(i, items.get(i));
      }
    } finally {
      items.forEach(PyObject::decref);
    }
    return PyNone.get();
  }

  private static Object view(List<Object> args, List<String> kw, PyDictView.Kind kind) {
    String name = "dict." + kind.name().toLowerCase(java.util.Locale.ROOT);
    Builtins.noKeywords(name, kw);
    requireArgs(name, args.size() - 1, 0, 0);
    return PyDictView.of((PyDict) args.get(0), kind);
  }

  private static Object dictSetdefault(VmContext vm, List<Object> args, List<String> kw) {
    Builtins.noKeywords("dict.setdefault", kw);
    requireArgs("dict.setdefault", args.size() - 1, 1, 2);
    PyDict d = (PyDict) args.get(0);
    PyObject key = asObject(args.get(1));
    PyObject v = d.borrowItem(key);
    if (v == null) {
      PyObject dflt = args.size() > 2 ? asObject(args.get(2)).incref() : PyNone.get();
      d.storeItem(key, dflt);
      return dflt; // our reference, the dict has its own
    }
    return v.incref();
  }

  private static Object dictPop(VmContext vm, List<Object> args, List<String> kw) {
    Builtins.noKeywords("dict.pop", kw);
    requireArgs("dict.pop", args.size() - 1, 1, 2);
    PyDict d = (PyDict) args.get(0);
    PyObject key = asObject(args.get(1));
    PyObject v = d.borrowItem(key);
    if (v == null) {
      if (args.size() > 2) {
        return asObject(args.get(2)).incref();
      }
      throw new PythonError("KeyError", key.repr());
    }
    v.incref(); // taken before the dict lets go of it
    d.deleteItem(key);
    return v;
  }

  private static Object setAdd(VmContext vm, List<Object> args, List<String> kw) {
    Builtins.noKeywords("set.add", kw);
    requireArgs("set.add", args.size() - 1, 1, 1);
    ((PySet) args.get(0)).addItem(asObject(args.get(1)));
    return PyNone.get();
  }

  private static Object setDiscard(VmContext vm, List<Object> args, List<String> kw) {
    Builtins.noKeywords("set.discard", kw);
    requireArgs("set.discard", args.size() - 1, 1, 1);
    ((PySet) args.get(0)).discardItem(asObject(args.get(1)));
    return PyNone.get();
  }

  private static Object setRemove(VmContext vm, List<Object> args, List<String> kw) {
    Builtins.noKeywords("set.remove", kw);
    requireArgs("set.remove", args.size() - 1, 1, 1);
    if (!((PySet) args.get(0)).discardItem(asObject(args.get(1)))) {
      throw new PythonError("KeyError", Values.repr(args.get(1)));
    }
    return PyNone.get();
  }

  private static Object strJoin(VmContext vm, List<Object> args, List<String> kw) {
    Builtins.noKeywords("str.join", kw);
    requireArgs("str.join", args.size() - 1, 1, 1);
    List<PyObject> items = Iterators.items(args.get(1));
    try {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < items.size(); i++) {
        if (!(items.get(i) instanceof PyUnicode s)) {
          throw new PythonError(
              "TypeError",
              "sequence item "
                  + i
                  + ": expected str instance, "
                  + items.get(i).typeName()
                  + " found");
        }
        if (i > 0) {
          sb.append(((PyUnicode) args.get(0)).value());
        }
        sb.append(s.value());
      }
      return PyUnicode.of(sb.toString());
    } finally {
      items.forEach(PyObject::decref);
    }
  }

  private static Object strFormat(VmContext vm, List<Object> args, List<String> kw) {
    if (!kw.isEmpty()) {
      throw new PythonError(
          "TypeError", "str.format() with keyword arguments is not supported by this VM");
    }
    return PyUnicode.of(
        Format.strFormat(((PyUnicode) args.get(0)).value(), args.subList(1, args.size())));
  }

  private static Object strMap(
      String name, List<Object> args, List<String> kw, java.util.function.UnaryOperator<String> f) {
    Builtins.noKeywords("str." + name, kw);
    requireArgs("str." + name, args.size() - 1, 0, 0);
    return PyUnicode.of(f.apply(((PyUnicode) args.get(0)).value()));
  }

  private static Object strTest(
      String name,
      List<Object> args,
      List<String> kw,
      java.util.function.BiPredicate<String, String> test) {
    Builtins.noKeywords("str." + name, kw);
    requireArgs("str." + name, args.size() - 1, 1, 1);
    if (!(args.get(1) instanceof PyUnicode arg)) {
      throw new PythonError(
          "TypeError",
          name + " first arg must be str or a tuple of str, not " + Values.typeName(args.get(1)));
    }
    return PyBool.of(test.test(((PyUnicode) args.get(0)).value(), arg.value()));
  }

  /** {@code str.split()} on runs of whitespace, or {@code str.split(sep)}. */
  private static Object strSplit(VmContext vm, List<Object> args, List<String> kw) {
    Builtins.noKeywords("str.split", kw);
    requireArgs("str.split", args.size() - 1, 0, 1);
    String s = ((PyUnicode) args.get(0)).value();
    String[] parts;
    if (args.size() == 1 || args.get(1) instanceof PyNone) {
      parts = s.strip().isEmpty() ? new String[0] : s.strip().split("\\s+");
    } else {
      String sep = ((PyUnicode) args.get(1)).value();
      if (sep.isEmpty()) {
        throw new PythonError("ValueError", "empty separator");
      }
      parts = s.split(java.util.regex.Pattern.quote(sep), -1);
    }
    PyList out = PyList.empty();
    for (String p : parts) {
      PyUnicode u = PyUnicode.of(p);
      out.appendItem(u);
      u.decref();
    }
    return out;
  }

  private static Object dictGet(VmContext vm, List<Object> args, List<String> kw) {
    Builtins.noKeywords("dict.get", kw);
    requireArgs("dict.get", args.size() - 1, 1, 2);
    PyObject v = ((PyDict) args.get(0)).borrowItem(asObject(args.get(1)));
    if (v == null) {
      return args.size() > 2 ? asObject(args.get(2)).incref() : PyNone.get();
    }
    return v.incref();
  }
}

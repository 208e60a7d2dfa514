package gilbook.runtime.bytecode;

import static gilbook.runtime.bytecode.Values.asLong;
import static gilbook.runtime.bytecode.Values.requireArgs;
import static gilbook.runtime.bytecode.Values.str;
import static gilbook.runtime.bytecode.Values.typeName;

import gilbook.runtime.PyDict;
import gilbook.runtime.PyList;
import gilbook.runtime.PyLong;
import gilbook.runtime.PyNone;
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
    requireArgs("str", args.size(), 1, 1);
    return PyUnicode.of(str(args.get(0)));
  }

  /** CPython's {@code TypeError} for a builtin that takes no keyword arguments. */
  static void noKeywords(String name, List<String> kw) {
    if (!kw.isEmpty()) {
      throw new PythonError("TypeError", name + "() takes no keyword arguments");
    }
  }
}

package gilbook.runtime.bytecode;

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

/**
 * The VM's values: simulated objects ({@link PyObject}, which own a reference count) and the
 * VM-only values of {@link Callables} and {@link Iterators}. How they are released, copied, tested
 * for truth and converted, as CPython's {@code Py_DECREF}, {@code Py_NewRef}, {@code
 * PyObject_IsTrue} and {@code PyLong_AsLong} do.
 */
final class Values {
  private Values() {}

  /** Drops one owned value: {@code Py_DECREF}, or what a VM value owns. {@code null} is allowed. */
  static void release(Object v) {
    if (v instanceof PyObject o) {
      o.decref();
    } else if (v instanceof Callables.BoundMethod m) {
      release(m.self());
    } else if (v instanceof Iterators.VmIterator it) {
      it.release();
    } else if (v instanceof Callables.Function f) {
      decrefIfAny(f.defaults());
      decrefIfAny(f.closure());
    }
  }

  private static void decrefIfAny(PyObject o) {
    if (o != null) {
      o.decref();
    }
  }

  /** A new owned copy of {@code v}: {@code Py_NewRef}. */
  static Object newRef(Object v) {
    if (v instanceof PyObject o) {
      return o.incref();
    }
    if (v instanceof Callables.BoundMethod m) {
      newRef(m.self());
      return m;
    }
    if (v instanceof Iterators.VmIterator it) {
      return it.retain();
    }
    if (v instanceof Callables.Function f) {
      if (f.defaults() != null) {
        f.defaults().incref();
      }
      if (f.closure() != null) {
        f.closure().incref();
      }
    }
    return v;
  }

  /** Releases the first {@code n} slots of {@code values} and clears them. */
  static void releaseAll(Object[] values, int n) {
    for (int i = 0; i < n; i++) {
      if (values[i] != null) {
        Object v = values[i];
        values[i] = null;
        release(v);
      }
    }
  }

  /** {@code PyObject_IsTrue}. */
  static boolean truth(Object o) {
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
    if (o instanceof PyTuple t) {
      return t.length() > 0;
    }
    if (o instanceof PySet s) {
      return s.length() > 0;
    }
    if (o instanceof PyDictView v) {
      return v.length() > 0;
    }
    return true;
  }

  /** Whether {@code o} is an int ({@code bool} is one, as in Python). */
  static boolean isInt(Object o) {
    return o instanceof PyLong || o instanceof PyBool;
  }

  /** {@code PyLong_AsLong}, with CPython's {@code TypeError} for a non-int. */
  static long asLong(Object o) {
    if (o instanceof PyLong n) {
      return n.asLong();
    }
    if (o instanceof PyBool b) {
      return b.value() ? 1 : 0;
    }
    throw new PythonError(
        "TypeError", "'" + typeName(o) + "' object cannot be interpreted as an integer");
  }

  /** {@code o} as a simulated object, for storing in a container. */
  static PyObject asObject(Object o) {
    if (o instanceof PyObject p) {
      return p;
    }
    throw new PythonError(
        "TypeError",
        "the VM cannot store a "
            + typeName(o)
            + " in a list, tuple, set or dict, nor use it as an operand there");
  }

  /** {@code str(o)}. */
  static String str(Object o) {
    if (o instanceof PyUnicode s) {
      return s.value();
    }
    if (o instanceof PythonError e) {
      return e.str();
    }
    return repr(o);
  }

  /** {@code repr(o)}. */
  static String repr(Object o) {
    if (o instanceof PythonError e) {
      return e.repr();
    }
    if (o instanceof Exceptions.ExcType t) {
      return "<class '" + t.name() + "'>";
    }
    if (o instanceof PyObject p) {
      return p.fullRepr();
    }
    if (o instanceof Callables.Builtin b) {
      return Builtins.isType(b)
          ? "<class '" + b.name() + "'>"
          : "<built-in function " + b.name() + ">";
    }
    if (o instanceof Callables.Function f) {
      return "<function " + f.code().name() + ">";
    }
    if (o instanceof Modules.Module m) {
      return "<module '" + m.name() + "' (built-in)>";
    }
    if (o instanceof Double d) {
      return d.toString();
    }
    return "<" + typeName(o) + ">";
  }

  /** {@code type(o).__name__}. */
  static String typeName(Object o) {
    if (o instanceof PyObject p) {
      return p.typeName();
    }
    if (o == null) {
      return "NULL";
    }
    if (o instanceof PythonError e) {
      return e.type();
    }
    if (o instanceof Exceptions.ExcType) {
      return "type";
    }
    if (o instanceof Callables.Function) {
      return "function";
    }
    if (o instanceof Callables.Builtin b && Builtins.isType(b)) {
      return "type";
    }
    if (o instanceof Callables.Builtin
        || o instanceof Callables.MethodDescriptor
        || o instanceof Callables.BoundMethod) {
      return "builtin_function_or_method";
    }
    if (o instanceof Iterators.Range) {
      return "range";
    }
    if (o instanceof Builtins.TypeTuple) {
      return "tuple";
    }
    if (o instanceof Modules.Module) {
      return "module";
    }
    if (o instanceof Double) {
      return "float";
    }
    if (o instanceof Iterators.VmIterator it) {
      return it.typeName();
    }
    return o.getClass().getSimpleName();
  }

  /**
   * {@code UNPACK_SEQUENCE n}'s items, as new references in order, with CPython's errors ({@code
   * unpack_iterable} in {@code Python/ceval.c}).
   */
  static java.util.List<PyObject> unpack(Object seq, int n) {
    java.util.List<PyObject> items;
    try {
      items = Iterators.items(seq);
    } catch (PythonError e) {
      if (e.type().equals("TypeError") && e.getMessage().endsWith("object is not iterable")) {
        throw new PythonError(
            "TypeError", "cannot unpack non-iterable " + typeName(seq) + " object");
      }
      throw e;
    }
    if (items.size() != n) {
      items.forEach(PyObject::decref);
      throw new PythonError(
          "ValueError",
          items.size() > n
              ? "too many values to unpack (expected " + n + ")"
              : "not enough values to unpack (expected " + n + ", got " + items.size() + ")");
    }
    return items;
  }

  /** CPython's {@code TypeError} when a builtin gets too few or too many arguments. */
  static void requireArgs(String name, int given, int min, int max) {
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
}

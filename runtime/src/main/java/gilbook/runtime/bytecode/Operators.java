package gilbook.runtime.bytecode;

import static gilbook.runtime.bytecode.Values.asLong;
import static gilbook.runtime.bytecode.Values.isInt;
import static gilbook.runtime.bytecode.Values.typeName;

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

/**
 * The operators of {@code BINARY_OP}, {@code COMPARE_OP} and subscripting, on ints (64 bits: the VM
 * has no big ints and no float), strings, lists and dicts. Each returns a new reference; the
 * operands are borrowed.
 */
final class Operators {
  private Operators() {}

  /** {@code BINARY_OP}'s argument order: {@code dis}'s {@code _nb_ops}, in-place ones are +13. */
  private static final String[] BINARY_OPS = {
    "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^"
  };

  /** {@code COMPARE_OP}'s argument order: {@code dis.cmp_op}. */
  private static final String[] COMPARE_OPS = {"<", "<=", "==", "!=", ">", ">="};

  /** {@code BINARY_OP oparg}: {@code oparg} 0 to 25. */
  static PyObject binaryOp(int oparg, Object left, Object right) {
    String sym = BINARY_OPS[oparg % 13];
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

  /** {@code COMPARE_OP oparg}. */
  static boolean compare(int oparg, Object left, Object right) {
    if (oparg < 0 || oparg >= COMPARE_OPS.length) {
      throw new PythonError("SystemError", "bad COMPARE_OP argument " + oparg);
    }
    String sym = COMPARE_OPS[oparg];
    if (sym.equals("==") || sym.equals("!=")) {
      return sym.equals("==") == equal(left, right);
    }
    int c = order(sym, left, right);
    return switch (sym) {
      case "<" -> c < 0;
      case "<=" -> c <= 0;
      case ">" -> c > 0;
      default -> c >= 0;
    };
  }

  /**
   * {@code left == right} ({@code PyObject_RichCompare} with {@code Py_EQ}): ints and bools by
   * value, strings by content, lists and tuples item by item (a list never equals a tuple), dicts
   * and sets by content, anything else by identity.
   */
  static boolean equal(Object left, Object right) {
    if (left == right) {
      return true;
    }
    if (isInt(left) && isInt(right)) {
      return asLong(left) == asLong(right);
    }
    if (left instanceof PyUnicode a && right instanceof PyUnicode b) {
      return a.value().equals(b.value());
    }
    if (left instanceof PyList && right instanceof PyList
        || left instanceof PyTuple && right instanceof PyTuple) {
      List<PyObject> a = sequence(left);
      List<PyObject> b = sequence(right);
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!equal(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (left instanceof PyDict a && right instanceof PyDict b) {
      List<Map.Entry<PyObject, PyObject>> entries = a.itemsView();
      if (entries.size() != b.itemsView().size()) {
        return false;
      }
      for (Map.Entry<PyObject, PyObject> e : entries) {
        PyObject other = b.borrowItem(e.getKey());
        if (other == null || !equal(e.getValue(), other)) {
          return false;
        }
      }
      return true;
    }
    if (left instanceof PySet a && right instanceof PySet b) {
      return a.length() == b.length() && a.itemsView().stream().allMatch(b::containsItem);
    }
    if (left instanceof PyNone || right instanceof PyNone || left instanceof PyObject) {
      return false; // PyObject identity, checked first
    }
    return java.util.Objects.equals(left, right); // the VM's own values: builtins, functions
  }

  /**
   * The order of {@code left} and {@code right} for {@code <}, {@code <=}, {@code >}, {@code >=}:
   * ints, strings, and lists or tuples item by item; a {@code TypeError} otherwise, as CPython
   * raises it.
   */
  static int order(String sym, Object left, Object right) {
    if (isInt(left) && isInt(right)) {
      return Long.compare(asLong(left), asLong(right));
    }
    if (left instanceof PyUnicode a && right instanceof PyUnicode b) {
      return a.value().compareTo(b.value());
    }
    if (left instanceof PyList && right instanceof PyList
        || left instanceof PyTuple && right instanceof PyTuple) {
      List<PyObject> a = sequence(left);
      List<PyObject> b = sequence(right);
      for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
        if (!equal(a.get(i), b.get(i))) {
          return order(sym, a.get(i), b.get(i));
        }
      }
      return Integer.compare(a.size(), b.size());
    }
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

  /** The items of a list or tuple, borrowed. */
  private static List<PyObject> sequence(Object o) {
    return o instanceof PyList l ? l.itemsView() : ((PyTuple) o).itemsView();
  }

  /** {@code item in container} ({@code PySequence_Contains}), for {@code CONTAINS_OP}. */
  static boolean contains(Object container, Object item) {
    if (container instanceof PyDict d) {
      return d.borrowItem(Values.asObject(item)) != null;
    }
    if (container instanceof PySet s) {
      return s.containsItem(Values.asObject(item));
    }
    if (container instanceof PyUnicode s) {
      if (!(item instanceof PyUnicode sub)) {
        throw new PythonError(
            "TypeError", "'in <string>' requires string as left operand, not " + typeName(item));
      }
      return s.value().contains(sub.value());
    }
    if (container instanceof PyList || container instanceof PyTuple) {
      for (PyObject o : sequence(container)) {
        if (o == item || equal(o, item)) {
          return true;
        }
      }
      return false;
    }
    if (container instanceof PyDictView v && v.kind() == PyDictView.Kind.KEYS) {
      return contains(v.dict(), item);
    }
    if (container instanceof Iterators.Range r && isInt(item)) {
      long x = asLong(item);
      boolean inside =
          r.step() > 0 ? x >= r.start() && x < r.stop() : x <= r.start() && x > r.stop();
      return inside && Math.floorMod(x - r.start(), r.step()) == 0;
    }
    if (container instanceof PyDictView || container instanceof Iterators.Range) {
      List<PyObject> items = Iterators.items(container);
      try {
        return items.stream().anyMatch(o -> equal(o, item));
      } finally {
        items.forEach(PyObject::decref);
      }
    }
    throw new PythonError(
        "TypeError", "argument of type '" + typeName(container) + "' is not iterable");
  }

  /**
   * {@code UNARY_NEGATIVE}, {@code UNARY_INVERT}, {@code UNARY_POSITIVE} on an int: a new
   * reference.
   */
  static PyObject unary(Opcode op, Object value) {
    String sym =
        switch (op) {
          case UNARY_NEGATIVE -> "-";
          case UNARY_INVERT -> "~";
          default -> "+";
        };
    if (!isInt(value)) {
      throw new PythonError(
          "TypeError", "bad operand type for unary " + sym + ": '" + typeName(value) + "'");
    }
    long v = asLong(value);
    try {
      return PyLong.fromLong(
          switch (sym) {
            case "-" -> Math.negateExact(v);
            case "~" -> ~v;
            default -> v;
          });
    } catch (ArithmeticException e) {
      throw new PythonError("OverflowError", "the simulated int is limited to 64 bits");
    }
  }

  /** {@code del container[key]}: the container drops its references. */
  static void deleteSubscript(Object container, Object key) {
    if (container instanceof PyDict d) {
      d.deleteItem(Values.asObject(key));
    } else if (container instanceof PyList l) {
      l.deleteItem(asLong(key));
    } else {
      throw new PythonError(
          "TypeError", "'" + typeName(container) + "' object does not support item deletion");
    }
  }

  /** {@code container[key]}, borrowed. */
  static PyObject subscript(Object container, Object key) {
    if (container instanceof PyDict d) {
      PyObject v = d.borrowItem(Values.asObject(key));
      if (v == null) {
        throw new PythonError("KeyError", Values.asObject(key).repr());
      }
      return v;
    }
    if (container instanceof PyList l) {
      return l.borrowItem(listIndex(l, asLong(key), "list index out of range"));
    }
    if (container instanceof PyTuple t) {
      return t.borrowItem(asLong(key));
    }
    throw new PythonError("TypeError", "'" + typeName(container) + "' object is not subscriptable");
  }

  /** {@code container[key] = value}; the container takes its own reference. */
  static void storeSubscript(Object container, Object key, Object value) {
    if (container instanceof PyDict d) {
      d.storeItem(Values.asObject(key), Values.asObject(value));
    } else if (container instanceof PyList l) {
      l.storeItem(
          listIndex(l, asLong(key), "list assignment index out of range"), Values.asObject(value));
    } else {
      throw new PythonError(
          "TypeError", "'" + typeName(container) + "' object does not support item assignment");
    }
  }

  /**
   * {@code i} if it indexes {@code list} (negative from the end), else CPython's {@code IndexError}
   * with listobject.c's message, which {@code str(e)} shows to a handler.
   */
  private static long listIndex(PyList list, long i, String message) {
    long n = list.length();
    if (i < -n || i >= n) {
      throw new PythonError("IndexError", message);
    }
    return i;
  }
}

package gilbook.runtime.bytecode;

import static gilbook.runtime.bytecode.Values.asLong;
import static gilbook.runtime.bytecode.Values.isInt;
import static gilbook.runtime.bytecode.Values.typeName;

import gilbook.runtime.PyDict;
import gilbook.runtime.PyList;
import gilbook.runtime.PyLong;
import gilbook.runtime.PyNone;
import gilbook.runtime.PyObject;
import gilbook.runtime.PyUnicode;

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
      return l.borrowItem(asLong(key));
    }
    throw new PythonError("TypeError", "'" + typeName(container) + "' object is not subscriptable");
  }

  /** {@code container[key] = value}; the container takes its own reference. */
  static void storeSubscript(Object container, Object key, Object value) {
    if (container instanceof PyDict d) {
      d.storeItem(Values.asObject(key), Values.asObject(value));
    } else if (container instanceof PyList l) {
      l.storeItem(asLong(key), Values.asObject(value));
    } else {
      throw new PythonError(
          "TypeError", "'" + typeName(container) + "' object does not support item assignment");
    }
  }
}

package gilbook.runtime.bytecode;

import gilbook.runtime.PyUnicode;
import java.util.List;
import java.util.Map;

/**
 * The builtin exception types the VM knows ({@code Objects/exceptions.c}), as values a listing
 * loads by name ({@code LOAD_GLOBAL KeyError}), calls ({@code ValueError("x")}), raises and matches
 * ({@code CHECK_EXC_MATCH}). Their hierarchy is CPython 3.11's, for the types the VM raises and the
 * bases a handler may name.
 */
final class Exceptions {
  private Exceptions() {}

  /** An exception type as a VM value: {@code type(e)}, a class a handler names. Immutable. */
  record ExcType(String name) {}

  /**
   * A tuple of exception types, as {@code except (KeyError, IndexError):} builds it with {@code
   * BUILD_TUPLE}: the types are VM values, not simulated objects, so a tuple object cannot hold
   * them. Owns nothing. Immutable.
   */
  record ExcTuple(List<ExcType> types) {
    /** The types in {@code stack[from..to)}, or null unless there are some and all are types. */
    static ExcTuple of(Object[] stack, int from, int to) {
      List<ExcType> types = new java.util.ArrayList<>();
      for (int i = from; i < to; i++) {
        if (!(stack[i] instanceof ExcType t)) {
          return null;
        }
        types.add(t);
      }
      return types.isEmpty() ? null : new ExcTuple(List.copyOf(types));
    }
  }

  /** Each type's base ({@code __base__}), as in CPython 3.11's builtin exception hierarchy. */
  private static final Map<String, String> BASE =
      Map.ofEntries(
          Map.entry("Exception", "BaseException"),
          Map.entry("ArithmeticError", "Exception"),
          Map.entry("ZeroDivisionError", "ArithmeticError"),
          Map.entry("OverflowError", "ArithmeticError"),
          Map.entry("AssertionError", "Exception"),
          Map.entry("AttributeError", "Exception"),
          Map.entry("LookupError", "Exception"),
          Map.entry("KeyError", "LookupError"),
          Map.entry("IndexError", "LookupError"),
          Map.entry("NameError", "Exception"),
          Map.entry("UnboundLocalError", "NameError"),
          Map.entry("RuntimeError", "Exception"),
          Map.entry("RecursionError", "RuntimeError"),
          Map.entry("NotImplementedError", "RuntimeError"),
          Map.entry("StopIteration", "Exception"),
          Map.entry("SystemError", "Exception"),
          Map.entry("TypeError", "Exception"),
          Map.entry("ValueError", "Exception"),
          Map.entry("KeyboardInterrupt", "BaseException"),
          Map.entry("SystemExit", "BaseException"));

  /** The builtin exception type named {@code name}, or {@code null}. */
  static ExcType lookup(String name) {
    return name.equals("BaseException") || BASE.containsKey(name) ? new ExcType(name) : null;
  }

  /** {@code issubclass(type, base)} for the names of two exception types. */
  static boolean isSubclass(String type, String base) {
    for (String t = type; t != null; t = BASE.get(t)) {
      if (t.equals(base)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code PyErr_GivenExceptionMatches(e, right)} after {@code check_except_type_valid}: {@code
   * right} is an exception type, an {@link ExcTuple}, or another tuple given as its items ({@code
   * tupleItems}, null when {@code right} is not a tuple).
   */
  static boolean matches(PythonError e, Object right, List<Object> tupleItems) {
    if (right instanceof ExcType t) {
      return isSubclass(e.type(), t.name());
    }
    if (right instanceof ExcTuple tuple) {
      return matches(e, null, List.copyOf(tuple.types()));
    }
    if (tupleItems != null) {
      boolean match = false;
      for (Object item : tupleItems) {
        if (!(item instanceof ExcType)) {
          throw notAnExceptionClass();
        }
        match |= isSubclass(e.type(), ((ExcType) item).name());
      }
      return match;
    }
    throw notAnExceptionClass();
  }

  private static PythonError notAnExceptionClass() {
    // ceval.c's check_except_type_valid, CANNOT_CATCH_MSG
    return new PythonError(
        "TypeError", "catching classes that do not inherit from BaseException is not allowed");
  }

  /**
   * {@code type(args...)}: a new exception. {@code str(e)} is {@code str(arg)} for one argument,
   * the argument's repr for a {@code KeyError} (CPython's {@code KeyError_str}), and empty for
   * none.
   */
  static PythonError instantiate(ExcType type, List<Object> args) {
    String name = type.name();
    if (args.isEmpty()) {
      return new PythonError(name, "", name + "()");
    }
    if (args.size() == 1) {
      Object arg = args.get(0);
      String repr = repr(arg);
      String str = name.equals("KeyError") ? repr : Values.str(arg);
      return new PythonError(name, str, name + "(" + repr + ")");
    }
    StringBuilder tuple = new StringBuilder("(");
    for (int i = 0; i < args.size(); i++) {
      tuple.append(i > 0 ? ", " : "").append(repr(args.get(i)));
    }
    tuple.append(")");
    return new PythonError(name, tuple.toString(), name + tuple);
  }

  /** {@code do_raise}'s {@code raise X}: an instance as is, a type called with no arguments. */
  static PythonError toRaise(Object exc) {
    if (exc instanceof PythonError e) {
      return e;
    }
    if (exc instanceof ExcType t) {
      return instantiate(t, List.of());
    }
    return new PythonError("TypeError", "exceptions must derive from BaseException");
  }

  private static String repr(Object o) {
    if (o instanceof PyUnicode s) {
      return quote(s.value());
    }
    if (o instanceof PythonError e) {
      return e.repr();
    }
    return Values.str(o);
  }

  /** A string's repr, quoted as CPython's {@code unicode_repr} quotes it. */
  static String quote(String s) {
    char q = s.contains("'") && !s.contains("\"") ? '"' : '\'';
    StringBuilder sb = new StringBuilder().append(q);
    for (char c : s.toCharArray()) {
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        default -> {
          if (c == q) {
            sb.append('\\');
          }
          sb.append(c);
        }
      }
    }
    return sb.append(q).toString();
  }
}

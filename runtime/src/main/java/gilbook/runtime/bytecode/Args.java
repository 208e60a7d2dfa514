package gilbook.runtime.bytecode;

import gilbook.runtime.PyBool;
import gilbook.runtime.PyLong;
import gilbook.runtime.PyNone;
import java.util.List;

/**
 * Reads the optional positional arguments of the VM's native functions and methods ({@link
 * ThreadingModule}, {@link QueueModule}, {@link TimeModule}): a flag, a timeout in seconds, a
 * count. A missing argument or {@code None} takes the default, as in CPython.
 */
final class Args {
  private Args() {}

  /** Whether argument {@code i} is given and not {@code None}. */
  static boolean given(List<Object> args, int i) {
    return i < args.size() && !(args.get(i) instanceof PyNone);
  }

  /** Argument {@code i} as a flag ({@code blocking}, {@code block}): its truth. */
  static boolean flag(List<Object> args, int i, boolean dflt) {
    if (i >= args.size()) {
      return dflt;
    }
    // the VM's own calls (put_nowait) pass a Java Boolean, which owns no reference
    return args.get(i) instanceof Boolean b ? b : Values.truth(args.get(i));
  }

  /** Argument {@code i} as seconds: an int or a float. */
  static double seconds(List<Object> args, int i, double dflt) {
    if (!given(args, i)) {
      return dflt;
    }
    Object o = args.get(i);
    if (o instanceof Double d) {
      return d;
    }
    if (o instanceof PyLong || o instanceof PyBool) {
      return Values.asLong(o);
    }
    throw new PythonError(
        "TypeError", "'" + Values.typeName(o) + "' object cannot be interpreted as a number");
  }

  /** Argument {@code i} as an int that fits Java's {@code int}. */
  static int count(List<Object> args, int i, int dflt) {
    if (!given(args, i)) {
      return dflt;
    }
    long v = Values.asLong(args.get(i));
    if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
      throw new PythonError("OverflowError", "the VM limits this argument to 32 bits, got " + v);
    }
    return (int) v;
  }

  /** CPython's {@code TypeError} when {@code name} gets more than {@code max} arguments. */
  static void atMost(String name, List<Object> args, int max) {
    if (args.size() > max) {
      throw new PythonError(
          "TypeError", name + "() takes at most " + max + " arguments (" + args.size() + " given)");
    }
  }
}

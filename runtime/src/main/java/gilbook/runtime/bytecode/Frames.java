package gilbook.runtime.bytecode;

import gilbook.runtime.PyCell;
import gilbook.runtime.PyList;
import gilbook.runtime.PyObject;
import gilbook.runtime.PyTuple;
import java.util.List;

/**
 * Makes the frame of a call to a Python function of the listing: its slots ({@code localsplus}, see
 * {@link DisFunction}) filled as CPython 3.11's {@code initialize_locals} ({@code Python/ceval.c})
 * fills them for positional arguments: the arguments first, then the defaults of the parameters
 * they do not reach; and, for a closure, the cells {@code COPY_FREE_VARS} copies into the last
 * slots ({@code TARGET(COPY_FREE_VARS)}: {@code localsplus[offset + i] = closure[i]}, increfed).
 * The VM copies the cells here, when the frame is made, and its {@code COPY_FREE_VARS} (always a
 * function's first instruction) finds them in place; nothing can run in between, so the difference
 * cannot be seen.
 */
final class Frames {
  private Frames() {}

  /**
   * The slots of a new frame of {@code fn} called with {@code args}, whose references move into the
   * frame (on an error they are released).
   *
   * @throws PythonError {@code TypeError} with CPython's message when the count does not fit
   */
  static Object[] locals(Callables.Function fn, List<Object> args) {
    DisFunction code = fn.code();
    List<PyObject> defaults = items(fn.defaults());
    int argc = code.argCount();
    int given = args.size();
    int required = argc - defaults.size();
    if (given > argc || given < required) {
      args.forEach(Values::release);
      throw new PythonError("TypeError", countError(code, given, required, argc));
    }
    Object[] slots = new Object[Math.max(code.localCount(), argc)];
    for (int i = 0; i < given; i++) {
      slots[i] = args.get(i);
    }
    for (int i = given; i < argc; i++) {
      slots[i] = defaults.get(i - required).incref();
    }
    List<PyObject> cells = items(fn.closure());
    int firstFree = slots.length - code.freeVarCount();
    for (int i = 0; i < code.freeVarCount() && i < cells.size(); i++) {
      slots[firstFree + i] = cells.get(i).incref();
    }
    return slots;
  }

  /** CPython's messages ({@code too_many_positional}, {@code missing_arguments}). */
  private static String countError(DisFunction code, int given, int required, int argc) {
    if (given < required) {
      List<String> missing = code.parameterNames().subList(given, required);
      StringBuilder names = new StringBuilder();
      for (int i = 0; i < missing.size(); i++) {
        if (i > 0) {
          names.append(i == missing.size() - 1 ? (missing.size() > 2 ? ", and " : " and ") : ", ");
        }
        names.append('\'').append(missing.get(i)).append('\'');
      }
      return code.name()
          + "() missing "
          + missing.size()
          + " required positional argument"
          + (missing.size() == 1 ? "" : "s")
          + ": "
          + names;
    }
    String takes = required == argc ? String.valueOf(argc) : "from " + required + " to " + argc;
    return code.name()
        + "() takes "
        + takes
        + " positional argument"
        + (argc == 1 && required == argc ? "" : "s")
        + " but "
        + given
        + (given == 1 ? " was" : " were")
        + " given"
        // dis prints no co_argcount: DisFunction infers the parameters from the reads
        + " (the VM counts a function's parameters from the listing, which does not print them;"
        + " a parameter the function never reads is not seen)";
  }

  /**
   * The items of a function's defaults or closure (borrowed), or none for null. Both are tuples
   * ({@code BUILD_TUPLE}, or a tuple constant for constant defaults); a list is taken too.
   */
  static List<PyObject> items(PyObject seq) {
    if (seq == null) {
      return List.of();
    }
    if (seq instanceof PyTuple t) {
      return t.itemsView();
    }
    if (seq instanceof PyList l) {
      PyObject[] out = new PyObject[l.length()];
      for (int i = 0; i < out.length; i++) {
        out[i] = l.borrowItem(i);
      }
      return List.of(out);
    }
    throw new PythonError(
        "SystemError", "a function's defaults or closure must be a tuple, not " + seq.typeName());
  }

  /** The cell in slot {@code slot} of a frame, as {@code MAKE_CELL} left it. */
  static PyCell cell(Object[] locals, int slot) {
    return (PyCell) locals[slot];
  }
}

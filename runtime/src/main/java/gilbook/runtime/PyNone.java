package gilbook.runtime;

/** {@code None}: one per interpreter, made at start-up. Not thread-safe: hold the GIL. */
public final class PyNone extends PyObject {
  /** CPython 3.11 gives None an ordinary, if large, count; this is of the same order. */
  static final int INITIAL_REFCNT = 5_000;

  PyNone(Interpreter interp) {
    super(interp, INITIAL_REFCNT);
  }

  /** A new reference to {@code None} of the calling thread's interpreter. */
  public static PyNone get() {
    PyThreadState ts = PyThreadState.get("get None");
    ts.requirePython(null, "got None");
    PyNone none = ts.interp.none();
    none.incref();
    return none;
  }

  @Override
  public String typeName() {
    return "NoneType";
  }

  @Override
  String reprUnchecked(int budget) {
    return "None";
  }
}

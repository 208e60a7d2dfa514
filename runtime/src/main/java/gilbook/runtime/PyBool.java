package gilbook.runtime;

/** {@code True} and {@code False}: two per interpreter, made at start-up. Hold the GIL. */
public final class PyBool extends PyObject {
  static final int INITIAL_REFCNT = 1_000;
  private final boolean value;

  PyBool(Interpreter interp, boolean value) {
    super(interp, INITIAL_REFCNT);
    this.value = value;
  }

  /** A new reference to {@code True} or {@code False}. */
  public static PyBool of(boolean value) {
    PyThreadState ts = PyThreadState.get("get True or False");
    ts.requirePython(null, "got True or False");
    PyBool b = ts.interp.bool(value);
    b.incref();
    return b;
  }

  /** The Java value. */
  public boolean value() {
    touch("reading");
    return value;
  }

  @Override
  public String typeName() {
    return "bool";
  }

  @Override
  String reprUnchecked(int budget) {
    return value ? "True" : "False";
  }
}

package gilbook.runtime;

import java.util.function.Consumer;

/**
 * A Python object with CPython's reference-counting rules.
 *
 * <p>{@code ob_refcnt} is a plain {@code int}, deliberately not atomic: it is safe only because
 * every thread that touches it holds the GIL. Each touch checks that. A new object starts with one
 * reference, owned by whoever created it; {@link #incref()} adds an owner, {@link #decref()} drops
 * one, and at zero the object is deallocated: it lets go of what it contains, is recorded in the
 * trace, and any later use fails with a {@link DanglingPointerError} that names it.
 *
 * <p>Objects still alive when the interpreter shuts down are reported as leaks, except the ones the
 * interpreter made for itself at start-up ({@code None}, {@code True}, {@code False} and the small
 * ints), which CPython 3.11 also never frees.
 *
 * <p>Not thread-safe, on purpose: hold the GIL.
 */
public abstract class PyObject {
  /** The reference count, named as in CPython's {@code PyObject} header. */
  int ob_refcnt;

  final Interpreter interp;
  final long address;
  final boolean preallocated;
  final String createdBy;
  PyObject heapPrev;
  PyObject heapNext;

  private boolean freed;
  private String freedDescription;
  private String freedBy;
  private long freedAt;

  /** A new object with one reference, created by the calling Python thread. */
  PyObject() {
    PyThreadState ts = PyThreadState.get();
    ts.requireGil(null);
    this.interp = ts.interp;
    this.preallocated = false;
    this.createdBy = ts.name;
    this.ob_refcnt = 1;
    this.address = interp.heap().link(this);
  }

  /** An object the interpreter makes for itself at start-up, before any thread runs. */
  PyObject(Interpreter interp, int initialRefcnt) {
    this.interp = interp;
    this.preallocated = true;
    this.createdBy = "(interpreter start-up)";
    this.ob_refcnt = initialRefcnt;
    this.address = interp.heap().nextAddress();
  }

  /** The Python type name, as {@code type(o).__name__} gives it. */
  public abstract String typeName();

  /** The object's {@code repr()}, cut short for very large containers. */
  abstract String reprUnchecked(int budget);

  /** What the object contains goes away with it: containers decref their items here. */
  void clearReferences() {}

  /** Calls {@code visitor} once per reference this object owns (CPython's {@code tp_traverse}). */
  void traverse(Consumer<PyObject> visitor) {}

  /** {@code Py_INCREF}: one more owner. Returns this object, for chaining. */
  public final PyObject incref() {
    touch("incref of");
    ob_refcnt++;
    return this;
  }

  /** {@code Py_DECREF}: one owner fewer; at zero the object is deallocated. */
  public final void decref() {
    PyThreadState ts = touch("decref of");
    if (--ob_refcnt == 0) {
      dealloc(ts);
    }
  }

  /** The current reference count, {@code Py_REFCNT}. */
  public final int refcnt() {
    touch("reading the reference count of");
    return ob_refcnt;
  }

  /** {@code repr(o)}. */
  public final String repr() {
    touch("repr of");
    return reprUnchecked(200);
  }

  /** {@code id(o)}: the object's fake address. */
  public final long id() {
    return address;
  }

  /** Whether the object has been deallocated. Safe to call at any time, from any thread. */
  public final boolean isFreed() {
    return freed;
  }

  @Override
  public String toString() {
    return freed ? "<freed " + freedDescription + ">" : describe();
  }

  /** Type, address and a short repr, for error messages. Never touches the object's count. */
  final String describe() {
    if (freed) {
      return freedDescription;
    }
    return typeName() + " object at 0x" + Long.toHexString(address) + " " + reprUnchecked(60);
  }

  final String freedWhere() {
    return "by thread " + freedBy + " at t=" + String.format("%.6f ms", freedAt / 1e6);
  }

  /**
   * Checks that the calling thread may use this object: it is a Python thread of the same
   * interpreter, holds the GIL, and the object is alive.
   */
  final PyThreadState touch(String use) {
    PyThreadState ts = PyThreadState.get();
    checkUsable(ts, use);
    return ts;
  }

  /**
   * Like {@link #touch(String)}, and charges one instruction (a check point under some policies).
   */
  final PyThreadState instruction(String use) {
    PyThreadState ts = PyThreadState.get();
    ts.instruction(this);
    checkUsable(ts, use);
    return ts;
  }

  private void checkUsable(PyThreadState ts, String use) {
    if (freed) {
      throw new DanglingPointerError(this, use);
    }
    if (ts.interp != interp) {
      throw new SimulationError(
          "thread "
              + ts.name
              + " used "
              + describe()
              + ", which belongs to another interpreter. Objects cannot cross interpreters.");
    }
    ts.requireGil(this);
  }

  private void dealloc(PyThreadState ts) {
    if (preallocated) {
      ob_refcnt = 1;
      throw new SimulationError(
          "deallocating "
              + reprUnchecked(20)
              + ": its reference count reached zero, which crashes CPython (\"Fatal Python error:"
              + " deallocating None\"). Some code decref'd a borrowed reference; incref what you"
              + " return or store.");
    }
    freedDescription = describe();
    freed = true;
    freedBy = ts.name;
    freedAt = ts.now();
    interp.heap().unlink(this);
    interp.tracer().objectFreed(ts, freedDescription);
    clearReferences();
  }
}

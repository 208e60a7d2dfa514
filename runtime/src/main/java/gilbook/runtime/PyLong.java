package gilbook.runtime;

/**
 * A Python {@code int} that fits in 64 bits.
 *
 * <p>As in CPython, the ints from -5 to 256 are made once at start-up and shared: {@link
 * #fromLong(long)} returns a new reference to the cached object. Their counts start near 10^9, as
 * CPython 3.11's do. Hold the GIL.
 */
public final class PyLong extends PyObject {
  static final long SMALL_MIN = -5;
  static final long SMALL_MAX = 256;
  static final int SMALL_INITIAL_REFCNT = 1_000_000_000;

  private final long value;

  private PyLong(long value) {
    this.value = value;
  }

  PyLong(Interpreter interp, long value) {
    super(interp, SMALL_INITIAL_REFCNT);
    this.value = value;
  }

  /** {@code PyLong_FromLong}: a new reference to an int with this value. */
  public static PyLong fromLong(long value) {
    PyThreadState ts = PyThreadState.get("make an int");
    ts.requirePython(null, "made an int");
    if (value >= SMALL_MIN && value <= SMALL_MAX) {
      PyLong cached = ts.interp.smallInt(value);
      cached.incref();
      return cached;
    }
    return new PyLong(value);
  }

  /** {@code PyLong_AsLong}: the Java value. Not an instruction. */
  public long asLong() {
    touch("reading");
    return value;
  }

  /** {@code self + other} ({@code BINARY_OP}): one instruction, a new reference. */
  public PyLong add(long other) {
    instruction("adding to");
    try {
      return fromLong(Math.addExact(value, other));
    } catch (ArithmeticException e) {
      throw new PyException("OverflowError", "the simulated int is limited to 64 bits");
    }
  }

  /** {@code self + other} for two ints: one instruction, a new reference. */
  public PyLong add(PyLong other) {
    return add(other.asLong());
  }

  @Override
  public String typeName() {
    return "int";
  }

  @Override
  String reprUnchecked(int budget) {
    return Long.toString(value);
  }

  long valueUnchecked() {
    return value;
  }
}

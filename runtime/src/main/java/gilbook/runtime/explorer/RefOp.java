package gilbook.runtime.explorer;

/**
 * A reference-count operation that one thread performs on the shared object.
 *
 * <p>This enum is immutable and thread-safe.
 */
public enum RefOp {
  /** {@code Py_INCREF}: the thread takes a new reference, so the count goes up by one. */
  INCREF(1),

  /** {@code Py_DECREF}: the thread drops a reference, so the count goes down by one. */
  DECREF(-1);

  private final int delta;

  RefOp(int delta) {
    this.delta = delta;
  }

  /** Returns the change this operation makes to the count: {@code +1} or {@code -1}. */
  public int delta() {
    return delta;
  }
}

package gilbook.runtime;

import java.util.function.Consumer;

/**
 * A Python {@code cell}: the box that holds a variable shared between a function and the functions
 * defined inside it ({@code Objects/cellobject.c}). The frame that owns the variable and every
 * closure that uses it hold the same cell, so a store through one ({@code nonlocal}) is seen by
 * all.
 *
 * <p>Reference rules, as {@code PyCell_New}, {@code PyCell_GET} and {@code PyCell_SET} (3.11's
 * {@code MAKE_CELL}, {@code LOAD_DEREF}, {@code STORE_DEREF} use them): the cell owns one reference
 * to its content, or none when it is empty; {@link #get()} lends it. Not instructions. Hold the
 * GIL.
 */
public final class PyCell extends PyObject {
  private PyObject ob_ref;

  private PyCell(PyObject content) {
    this.ob_ref = content;
  }

  /**
   * {@code PyCell_New(content)}: a new reference to a new cell holding {@code content}, or empty
   * when it is null. The cell increfs {@code content}; the caller keeps its own reference.
   */
  public static PyCell of(PyObject content) {
    if (content != null) {
      content.incref();
    }
    return new PyCell(content);
  }

  /** {@code PyCell_GET}: the content, borrowed, or null when the cell is empty. */
  public PyObject get() {
    touch("reading");
    return ob_ref;
  }

  /**
   * {@code PyCell_SET} then a decref of the old content: the cell takes over the caller's reference
   * to {@code content} (null empties it) and lets go of what it held.
   */
  public void set(PyObject content) {
    touch("storing into");
    PyObject old = ob_ref;
    ob_ref = content;
    if (old != null) {
      old.decref();
    }
  }

  @Override
  public String typeName() {
    return "cell";
  }

  @Override
  String reprUnchecked(int budget) {
    if (ob_ref == null) {
      return "<cell at 0x" + Long.toHexString(address) + ": empty>";
    }
    return "<cell at 0x"
        + Long.toHexString(address)
        + ": "
        + (ob_ref.isFreed() ? "<freed>" : ob_ref.typeName() + " object")
        + ">";
  }

  @Override
  void traverse(Consumer<PyObject> visitor) {
    if (ob_ref != null) {
      visitor.accept(ob_ref);
    }
  }

  @Override
  void clearReferences() {
    PyObject old = ob_ref;
    ob_ref = null;
    if (old != null) {
      old.decref();
    }
  }
}

package gilbook.runtime;

import java.util.List;
import java.util.function.Consumer;

/**
 * A Python {@code tuple}: a fixed sequence of references, never changed after it is made.
 *
 * <p>Reference rules, as for {@link PyList}: making a tuple from items increfs each one (the caller
 * keeps its own references, like {@code PyTuple_Pack}, not the stealing {@code PyTuple_SET_ITEM});
 * {@link #borrowItem(long)} returns a borrowed reference, valid while the tuple lives; the tuple
 * decrefs its items when it is deallocated. Hold the GIL.
 */
public final class PyTuple extends PyObject {
  private final PyObject[] items;

  private PyTuple(PyObject[] items) {
    this.items = items;
  }

  /**
   * {@code PyTuple_Pack(n, ...)}: a new reference to a new tuple holding {@code items}, each
   * incref'd; the caller keeps its references.
   */
  public static PyTuple of(PyObject... items) {
    PyObject[] owned = items.clone();
    for (PyObject item : owned) {
      item.incref();
    }
    return new PyTuple(owned);
  }

  /** A new tuple holding {@code items}, each incref'd. */
  public static PyTuple of(List<PyObject> items) {
    return of(items.toArray(new PyObject[0]));
  }

  /**
   * {@code PyTuple_GetItem}: a borrowed reference; negative indexes count from the end. Not an
   * instruction: for an interpreter loop that charges each bytecode itself.
   *
   * @throws PyException {@code IndexError} when {@code i} is out of range
   */
  public PyObject borrowItem(long i) {
    touch("indexing");
    long at = i < 0 ? i + items.length : i;
    if (at < 0 || at >= items.length) {
      throw new PyException("IndexError", "tuple index out of range");
    }
    return items[(int) at];
  }

  /** {@code PyTuple_GET_SIZE}. Not an instruction. */
  public int length() {
    touch("len() of");
    return items.length;
  }

  /** The items as borrowed references, in order. Not an instruction. */
  public List<PyObject> itemsView() {
    touch("reading");
    return List.of(items);
  }

  @Override
  public String typeName() {
    return "tuple";
  }

  @Override
  String reprUnchecked(int budget) {
    StringBuilder sb = new StringBuilder("(");
    for (int k = 0; k < items.length; k++) {
      if (sb.length() > budget) {
        sb.append("...");
        break;
      }
      if (k > 0) {
        sb.append(", ");
      }
      PyObject item = items[k];
      sb.append(item.isFreed() ? "<freed>" : item.reprUnchecked(budget - sb.length()));
    }
    if (items.length == 1) {
      sb.append(','); // (1,) is a tuple, (1) is not
    }
    return sb.append(')').toString();
  }

  @Override
  void traverse(Consumer<PyObject> visitor) {
    for (PyObject item : items) {
      visitor.accept(item);
    }
  }

  @Override
  void clearReferences() {
    for (PyObject item : items) {
      item.decref(); // a freed tuple is never read again: its repr was taken when it was freed
    }
  }
}

package gilbook.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A Python {@code list}.
 *
 * <p>Reference rules, as in CPython's abstract object API ({@code PyObject_SetItem}, {@code
 * PyList_Append}), not the stealing {@code PyList_SetItem}: storing an item increfs it (the caller
 * keeps its own reference); {@link #getItem(long)} returns a borrowed reference, valid only while
 * the list keeps the item; {@link #pop()} hands the list's reference to the caller, who must decref
 * it. Each operation is one instruction. Hold the GIL.
 */
public final class PyList extends PyObject {
  private final ArrayList<PyObject> items = new ArrayList<>();

  private PyList() {}

  /** {@code PyList_New(0)}: a new reference to a new empty list. */
  public static PyList empty() {
    return new PyList();
  }

  /** A new list holding {@code items}; each item is incref'd, the caller keeps its references. */
  public static PyList of(PyObject... items) {
    PyList list = new PyList();
    for (PyObject item : items) {
      item.incref();
      list.items.add(item);
    }
    return list;
  }

  /** A new list of new str objects, owned by the list, like the literal {@code ["A", "B"]}. */
  public static PyList ofStrings(String... values) {
    PyList list = new PyList();
    for (String v : values) {
      list.items.add(PyUnicode.of(v));
    }
    return list;
  }

  /** A new list of ints, owned by the list, like the literal {@code [1, 2, 3]}. */
  public static PyList ofLongs(long... values) {
    PyList list = new PyList();
    for (long v : values) {
      list.items.add(PyLong.fromLong(v));
    }
    return list;
  }

  /** {@code len(list)}. One instruction. */
  public int size() {
    instruction("len() of");
    return items.size();
  }

  /** {@code list.append(item)}: increfs {@code item}. One instruction. */
  public void append(PyObject item) {
    instruction("append to");
    item.incref();
    items.add(item);
  }

  /**
   * {@code list[i]}: a borrowed reference. Negative indexes count from the end. One instruction.
   *
   * @throws PyException {@code IndexError} when {@code i} is out of range
   */
  public PyObject getItem(long i) {
    instruction("indexing");
    return items.get(index(i));
  }

  /**
   * {@code list[i] = value}, as CPython's {@code PyObject_SetItem} does it: increfs {@code value}
   * (the caller keeps its own reference) and decrefs the item it replaces. One instruction.
   *
   * <p>This is not {@code PyList_SetItem}, which <em>steals</em> the caller's reference instead of
   * taking its own: after {@code PyList_SetItem(list, i, item)} the caller must not decref {@code
   * item}. The simulation has no stealing variant.
   */
  public void setItem(long i, PyObject value) {
    instruction("assigning into");
    replace(i, value);
  }

  /** {@code list.pop()}: removes the last item and returns the list's reference to it. */
  public PyObject pop() {
    return pop(-1);
  }

  /** {@code list.pop(i)}: removes item {@code i} and returns the list's reference to it. */
  public PyObject pop(long i) {
    instruction("pop from");
    if (items.isEmpty()) {
      throw new PyException("IndexError", "pop from empty list");
    }
    return items.remove(index(i));
  }

  /**
   * The list's raw storage, CPython's {@code ob_item} array: storing or removing a pointer here
   * changes no reference count. The code around it must keep the counts right; chapter 1's exercise
   * is exactly that.
   */
  public ObItem obItem() {
    touch("reading the storage of");
    return new ObItem();
  }

  /** A view of a list's raw storage; see {@link PyList#obItem()}. Hold the GIL. */
  public final class ObItem {
    private ObItem() {}

    /** Stores {@code item} at the end, without increfing it. */
    public void add(PyObject item) {
      touch("storing into");
      items.add(java.util.Objects.requireNonNull(item, "item must not be null"));
    }

    /** Removes the last pointer and returns it, without decrefing it. */
    public PyObject removeLast() {
      touch("removing from");
      if (items.isEmpty()) {
        throw new PyException("IndexError", "pop from empty list");
      }
      return items.remove(items.size() - 1);
    }

    /** The pointer at {@code i}: a borrowed reference. */
    public PyObject get(int i) {
      touch("reading");
      return items.get(index(i));
    }

    /** How many pointers the storage holds. */
    public int size() {
      touch("reading");
      return items.size();
    }
  }

  /** A copy of the items as borrowed references; for tests and reports, not an instruction. */
  public List<PyObject> itemsView() {
    touch("reading");
    return List.copyOf(items);
  }

  private int index(long i) {
    long at = i < 0 ? i + items.size() : i;
    if (at < 0 || at >= items.size()) {
      throw new PyException(
          "IndexError", "list index " + i + " out of range for a list of " + items.size());
    }
    return (int) at;
  }

  // ---------------------------------------------------------------- for bytecode interpreters

  /**
   * {@code PyList_GetItem}: a borrowed reference; negative indexes count from the end. Not an
   * instruction: for an interpreter loop that charges each bytecode itself ({@code
   * gilbook.runtime.bytecode}).
   *
   * @throws PyException {@code IndexError} when {@code i} is out of range
   */
  public PyObject borrowItem(long i) {
    touch("indexing");
    return items.get(index(i));
  }

  /** {@code list[i] = value}: increfs {@code value}, decrefs the old item. Not an instruction. */
  public void storeItem(long i, PyObject value) {
    touch("assigning into");
    replace(i, value);
  }

  /** Stores {@code value} at {@code i}: the list takes a reference, and lets go of the old item. */
  private void replace(long i, PyObject value) {
    int at = index(i);
    value.incref();
    items.set(at, value).decref();
  }

  /** {@code PyList_Append}: increfs {@code item}. Not an instruction. */
  public void appendItem(PyObject item) {
    touch("append to");
    item.incref();
    items.add(item);
  }

  /**
   * {@code list.insert(i, item)}: increfs {@code item}. As in CPython, an index past either end
   * inserts at that end. Not an instruction.
   */
  public void insertItem(long i, PyObject item) {
    touch("insert into");
    long at = i < 0 ? Math.max(0, i + items.size()) : Math.min(i, items.size());
    item.incref();
    items.add((int) at, item);
  }

  /**
   * {@code list.pop(i)}: removes item {@code i} and hands the list's reference to the caller. Not
   * an instruction.
   *
   * @throws PyException {@code IndexError} when the list is empty or {@code i} is out of range
   */
  public PyObject popItem(long i) {
    touch("pop from");
    if (items.isEmpty()) {
      throw new PyException("IndexError", "pop from empty list");
    }
    long at = i < 0 ? i + items.size() : i;
    if (at < 0 || at >= items.size()) {
      throw new PyException("IndexError", "pop index out of range");
    }
    return items.remove((int) at);
  }

  /**
   * {@code del list[i]}: removes item {@code i} and decrefs it. Not an instruction.
   *
   * @throws PyException {@code IndexError} when {@code i} is out of range
   */
  public void deleteItem(long i) {
    touch("deleting from");
    long at = i < 0 ? i + items.size() : i;
    if (at < 0 || at >= items.size()) {
      throw new PyException("IndexError", "list assignment index out of range");
    }
    items.remove((int) at).decref();
  }

  /** {@code PyList_GET_SIZE}. Not an instruction. */
  public int length() {
    touch("len() of");
    return items.size();
  }

  @Override
  public String typeName() {
    return "list";
  }

  @Override
  String reprUnchecked(int budget) {
    StringBuilder sb = new StringBuilder("[");
    for (int k = 0; k < items.size(); k++) {
      if (sb.length() > budget) {
        sb.append("...");
        break;
      }
      if (k > 0) {
        sb.append(", ");
      }
      PyObject item = items.get(k);
      sb.append(item.isFreed() ? "<freed>" : item.reprUnchecked(budget - sb.length()));
    }
    return sb.append(']').toString();
  }

  @Override
  void traverse(Consumer<PyObject> visitor) {
    items.forEach(visitor);
  }

  @Override
  void clearReferences() {
    List<PyObject> owned = new ArrayList<>(items);
    items.clear();
    for (PyObject item : owned) {
      item.decref();
    }
  }
}

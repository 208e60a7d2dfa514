package gilbook.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Consumer;

/**
 * A Python {@code set}, or a {@code frozenset} (which nothing changes once it is filled), of the
 * keys {@link PyDict} can hash: str, int, bool, None and tuples of those.
 *
 * <p>Reference rules, as for {@link PyDict}: adding a new item increfs it (the caller keeps its own
 * reference; adding an item already there changes nothing), discarding one decrefs it, and the set
 * decrefs its items when it is deallocated. The methods are not instructions: they are for an
 * interpreter loop that charges each bytecode itself.
 *
 * <p>Simplification: the items are kept in insertion order, where CPython orders them by hash, so
 * {@code repr} and iteration may list them in another order than CPython does.
 */
public final class PySet extends PyObject {
  private final LinkedHashMap<Object, PyObject> items = new LinkedHashMap<>();
  private final boolean frozen;

  private PySet(boolean frozen) {
    this.frozen = frozen;
  }

  /** {@code PySet_New(NULL)}: a new reference to a new empty set. */
  public static PySet empty() {
    return new PySet(false);
  }

  /** {@code PyFrozenSet_New(NULL)}: a new empty frozenset, to fill before anyone else sees it. */
  public static PySet emptyFrozen() {
    return new PySet(true);
  }

  /**
   * {@code PySet_Add}: increfs {@code item} when it is new. Also fills a new frozenset.
   *
   * @throws PyException {@code TypeError} when the item cannot be hashed
   */
  public void addItem(PyObject item) {
    touch("adding to");
    Object key = PyDict.hashKey(item);
    if (!items.containsKey(key)) {
      item.incref();
      items.put(key, item);
    }
  }

  /** {@code PySet_Contains}. */
  public boolean containsItem(PyObject item) {
    touch("searching");
    return items.containsKey(PyDict.hashKey(item));
  }

  /**
   * {@code PySet_Discard}: removes {@code item} if it is there, decrefing the set's reference.
   *
   * @return whether it was there
   */
  public boolean discardItem(PyObject item) {
    touch("removing from");
    requireMutable("discard from");
    PyObject old = items.remove(PyDict.hashKey(item));
    if (old == null) {
      return false;
    }
    old.decref();
    return true;
  }

  /** {@code PySet_GET_SIZE}. */
  public int length() {
    touch("len() of");
    return items.size();
  }

  /** The items as borrowed references. */
  public List<PyObject> itemsView() {
    touch("reading");
    return new ArrayList<>(items.values());
  }

  /** Whether this is a {@code frozenset}. */
  public boolean isFrozen() {
    return frozen;
  }

  private void requireMutable(String what) {
    if (frozen) {
      throw new PyException(
          "AttributeError", "'frozenset' object cannot " + what + " (it has no such method)");
    }
  }

  @Override
  public String typeName() {
    return frozen ? "frozenset" : "set";
  }

  @Override
  String reprUnchecked(int budget) {
    if (items.isEmpty()) {
      return typeName() + "()";
    }
    StringBuilder sb = new StringBuilder(frozen ? "frozenset({" : "{");
    boolean first = true;
    for (PyObject item : items.values()) {
      if (sb.length() > budget) {
        sb.append("...");
        break;
      }
      if (!first) {
        sb.append(", ");
      }
      first = false;
      sb.append(item.isFreed() ? "<freed>" : item.reprUnchecked(budget - sb.length()));
    }
    return sb.append(frozen ? "})" : "}").toString();
  }

  @Override
  void traverse(Consumer<PyObject> visitor) {
    items.values().forEach(visitor);
  }

  @Override
  void clearReferences() {
    List<PyObject> owned = new ArrayList<>(items.values());
    items.clear();
    for (PyObject item : owned) {
      item.decref();
    }
  }
}

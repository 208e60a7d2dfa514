package gilbook.runtime.bytecode;

import gilbook.runtime.PyDict;
import gilbook.runtime.PyDictView;
import gilbook.runtime.PyList;
import gilbook.runtime.PyLong;
import gilbook.runtime.PyObject;
import gilbook.runtime.PySet;
import gilbook.runtime.PyTuple;
import gilbook.runtime.PyUnicode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code range}, and the iterators {@code GET_ITER} makes and {@code FOR_ITER} advances. */
final class Iterators {
  private Iterators() {}

  /** A {@code range} object. Immutable. */
  record Range(long start, long stop, long step) {}

  /** An iterator on the VM's value stack. Not thread-safe, as in CPython (the GIL guards it). */
  interface VmIterator {
    /** The next item as a new reference, or {@code null} when the iterator is exhausted. */
    PyObject next();

    /** Drops what the iterator owns (its container). */
    default void release() {}

    /** Its Python type name, such as {@code list_iterator}. */
    String typeName();

    /** {@code Py_NewRef}: one more owner of this iterator, or an error if it cannot be shared. */
    default VmIterator retain() {
      throw new PythonError("SystemError", "the VM cannot copy a " + typeName());
    }
  }

  /**
   * An iterator with an owner count of its own, as a CPython iterator object has: {@code
   * enumerate(it)} and {@code zip(it)} keep the iterator they wrap while the call's argument is
   * released, and it lets go of what it owns when the last owner releases it.
   */
  abstract static class Counted implements VmIterator {
    private int owners = 1;

    @Override
    public final VmIterator retain() {
      owners++;
      return this;
    }

    @Override
    public final void release() {
      if (--owners == 0) {
        drop();
      }
    }

    /** Drops what the iterator owns, once its last owner has released it. */
    void drop() {}
  }

  /** {@code iter(o)}: {@code o} is the stack's reference, which the iterator takes over. */
  static VmIterator iterator(Object o) {
    if (o instanceof Range r) {
      return new RangeIterator(r);
    }
    if (o instanceof PyList l) {
      return new ListIterator(l);
    }
    if (o instanceof PyDict d) {
      return new KeyIterator(d);
    }
    if (o instanceof VmIterator it) {
      return it;
    }
    if (o instanceof PyTuple t) {
      return new Snapshot(t, t.itemsView(), false, "tuple_iterator");
    }
    if (o instanceof PySet s) {
      List<PyObject> items = s.itemsView();
      items.forEach(PyObject::incref); // a discard while iterating must not free what is to come
      return new Snapshot(s, items, true, "set_iterator");
    }
    if (o instanceof PyDictView v) {
      String kind = v.typeName(); // dict_keys -> dict_keyiterator, as CPython names it
      return new Snapshot(v, v.snapshot(), true, kind.substring(0, kind.length() - 1) + "iterator");
    }
    if (o instanceof PyUnicode s) {
      List<PyObject> chars = new ArrayList<>();
      s.value().codePoints().forEach(c -> chars.add(PyUnicode.of(Character.toString(c))));
      return new Snapshot(s, chars, true, "str_ascii_iterator");
    }
    throw new PythonError("TypeError", "'" + Values.typeName(o) + "' object is not iterable");
  }

  /** {@code iter(o)} for a borrowed {@code o}: the iterator takes a reference of its own. */
  static VmIterator iteratorOf(Object borrowed) {
    Object ref = Values.newRef(borrowed);
    try {
      return iterator(ref);
    } catch (RuntimeException e) {
      Values.release(ref); // not iterable: nothing took the reference over
      throw e;
    }
  }

  /**
   * The items of {@code iterable} (borrowed) as new references the caller must release, read with
   * the iterator {@code GET_ITER} would make.
   */
  static List<PyObject> items(Object iterable) {
    VmIterator it = iteratorOf(iterable);
    List<PyObject> out = new ArrayList<>();
    try {
      for (PyObject item = it.next(); item != null; item = it.next()) {
        out.add(item);
      }
    } catch (RuntimeException e) {
      out.forEach(PyObject::decref);
      throw e;
    } finally {
      it.release();
    }
    return out;
  }

  /**
   * The items as they were when iteration began: a set, a dict view, a string, or a tuple (which
   * never changes). Owns its container and, when {@code owned}, the items it made for the snapshot
   * (a view's new tuples, a string's characters).
   */
  private static final class Snapshot extends Counted {
    private final PyObject container;
    private final List<PyObject> items;
    private final boolean owned;
    private final String typeName;
    private int index;

    Snapshot(PyObject container, List<PyObject> items, boolean owned, String typeName) {
      this.container = container;
      this.items = items;
      this.owned = owned;
      this.typeName = typeName;
    }

    @Override
    public PyObject next() {
      return index < items.size() ? items.get(index++).incref() : null;
    }

    @Override
    void drop() {
      if (owned) {
        items.forEach(PyObject::decref);
      }
      container.decref();
    }

    @Override
    public String typeName() {
      return typeName;
    }
  }

  /** {@code enumerate(iterable, start)}: {@code (count, item)} tuples. */
  static final class Enumerate extends Counted {
    private final VmIterator inner;
    private long count;

    Enumerate(VmIterator inner, long start) {
      this.inner = inner;
      this.count = start;
    }

    @Override
    public PyObject next() {
      PyObject item = inner.next();
      if (item == null) {
        return null;
      }
      PyObject n = PyLong.fromLong(count++);
      PyTuple pair = PyTuple.of(n, item);
      n.decref();
      item.decref();
      return pair;
    }

    @Override
    void drop() {
      inner.release();
    }

    @Override
    public String typeName() {
      return "enumerate";
    }
  }

  /** {@code zip(a, b, ...)}: tuples of one item from each, until the shortest ends. */
  static final class Zip extends Counted {
    private final List<VmIterator> inners;

    Zip(List<VmIterator> inners) {
      this.inners = inners;
    }

    @Override
    public PyObject next() {
      if (inners.isEmpty()) {
        return null;
      }
      List<PyObject> row = new ArrayList<>();
      try {
        for (VmIterator it : inners) {
          PyObject item = it.next();
          if (item == null) {
            return null;
          }
          row.add(item);
        }
        return PyTuple.of(row);
      } finally {
        row.forEach(PyObject::decref);
      }
    }

    @Override
    void drop() {
      inners.forEach(VmIterator::release);
    }

    @Override
    public String typeName() {
      return "zip";
    }
  }

  private static final class RangeIterator extends Counted {
    private long next;
    private final long stop;
    private final long step;

    RangeIterator(Range r) {
      next = r.start();
      stop = r.stop();
      step = r.step();
    }

    @Override
    public PyObject next() {
      if (step > 0 ? next >= stop : next <= stop) {
        return null;
      }
      long v = next;
      next += step;
      return PyLong.fromLong(v);
    }

    @Override
    public String typeName() {
      return "range_iterator";
    }
  }

  /** Reads the list at each step, as {@code listiter_next} does: a list that grows is seen. */
  private static final class ListIterator extends Counted {
    private final PyList list;
    private int index;

    ListIterator(PyList list) {
      this.list = list;
    }

    @Override
    public PyObject next() {
      return index < list.length() ? list.borrowItem(index++).incref() : null;
    }

    @Override
    void drop() {
      list.decref();
    }

    @Override
    public String typeName() {
      return "list_iterator";
    }
  }

  /** The keys as they were when iteration began. */
  private static final class KeyIterator extends Counted {
    private final PyDict dict;
    private final List<PyObject> keys;
    private int index;

    KeyIterator(PyDict dict) {
      this.dict = dict;
      this.keys = dict.itemsView().stream().map(Map.Entry::getKey).toList();
    }

    @Override
    public PyObject next() {
      return index < keys.size() ? keys.get(index++).incref() : null;
    }

    @Override
    void drop() {
      dict.decref();
    }

    @Override
    public String typeName() {
      return "dict_keyiterator";
    }
  }
}

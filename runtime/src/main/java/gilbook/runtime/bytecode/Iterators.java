package gilbook.runtime.bytecode;

import gilbook.runtime.PyDict;
import gilbook.runtime.PyList;
import gilbook.runtime.PyLong;
import gilbook.runtime.PyObject;
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
    throw new PythonError("TypeError", "'" + Values.typeName(o) + "' object is not iterable");
  }

  private static final class RangeIterator implements VmIterator {
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
  private static final class ListIterator implements VmIterator {
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
    public void release() {
      list.decref();
    }

    @Override
    public String typeName() {
      return "list_iterator";
    }
  }

  /** The keys as they were when iteration began. */
  private static final class KeyIterator implements VmIterator {
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
    public void release() {
      dict.decref();
    }

    @Override
    public String typeName() {
      return "dict_keyiterator";
    }
  }
}

package gilbook.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Every live object of one interpreter, on an intrusive doubly-linked list like CPython's debug
 * "refchain" ({@code Py_TRACE_REFS}): linking and unlinking cost O(1), and shutdown walks the list
 * to report leaks. Guarded by the GIL, like the objects themselves; its methods also synchronise,
 * for free-threaded mode, where CPython's allocator (mimalloc) is per thread and needs no GIL.
 */
final class Heap {
  private PyObject first;
  private long nextAddress = 0x7f3a_0000_1000L;
  private long liveCount;
  private long allocated;

  synchronized long nextAddress() {
    long a = nextAddress;
    nextAddress += 0x30;
    return a;
  }

  synchronized long link(PyObject o) {
    o.heapNext = first;
    if (first != null) {
      first.heapPrev = o;
    }
    first = o;
    liveCount++;
    allocated++;
    return nextAddress();
  }

  synchronized void unlink(PyObject o) {
    if (o.heapPrev != null) {
      o.heapPrev.heapNext = o.heapNext;
    } else {
      first = o.heapNext;
    }
    if (o.heapNext != null) {
      o.heapNext.heapPrev = o.heapPrev;
    }
    o.heapPrev = null;
    o.heapNext = null;
    liveCount--;
  }

  synchronized long liveCount() {
    return liveCount;
  }

  synchronized long allocated() {
    return allocated;
  }

  /** Live objects, oldest first. */
  synchronized List<PyObject> live() {
    List<PyObject> out = new ArrayList<>();
    for (PyObject o = first; o != null; o = o.heapNext) {
      out.add(o);
    }
    Collections.reverse(out);
    return out;
  }
}

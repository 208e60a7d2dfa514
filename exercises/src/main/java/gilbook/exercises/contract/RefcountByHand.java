package gilbook.exercises.contract;

import gilbook.runtime.PyList;
import gilbook.runtime.PyObject;

/** Chapter 1, "Refcounting by hand": {@code list.append} and {@code list.pop} on raw storage. */
public interface RefcountByHand {
  /** Like {@code list.append(item)}: the caller keeps its reference, the list owns one more. */
  void listAppend(PyList list, PyObject item);

  /** Like {@code list.pop()}: the list's reference to the last item passes to the caller. */
  PyObject listPop(PyList list);
}

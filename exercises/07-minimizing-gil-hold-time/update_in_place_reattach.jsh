// Chapter 7 · Update in place, Strategy 2: re-attach for each element
//
// The same task as Strategy 1: replace each int n of `numbers`, in place, with
// Expensive.compute(n) (1 ms, no Python objects, so no GIL). This time make no copy of the
// list: a copy of a big list costs memory and time of its own.
//
// Strategy 2 detaches once and takes the GIL back only to touch the list:
//   1. holding the GIL, note the length and unbind() the Bound into a Py<PyList>: a
//      Bound is tied to the GIL and cannot be used while you are detached;
//   2. inside py.allowThreads(() -> ...) (py.detach in PyO3 0.26), for each index:
//        Python.withGil(inner -> ...)  (attach)  read item i through ref.bind(inner),
//        compute it detached,
//        Python.withGil(inner -> ...)  (attach)  write item i back;
//   3. give the Py's reference back: ref.drop(py).
// That is one GIL acquisition per element access: two per element.
// While you are detached another thread may shorten the list: check its size each time you
// hold the GIL, and stop at an index that is gone.
//
// Tools:
//   numbers.unbind() -> Py<PyList>       leave the GIL's scope (the Bound is moved)
//   ref.bind(inner).get()                the PyList again, inside withGil
//   Python.withGil(inner -> value)       take the GIL, run, release; returns the value
//   Python.runWithGil(inner -> { ... })  the same with no value
//   list.size(), list.getItem(i), list.setItem(i, v), PyLong.fromLong(x), ((PyLong) o).asLong()
//   list.setItem(i, v) is PyObject_SetItem: it increfs v, so decref your own reference
//                                        (PyList_SetItem would steal it instead)
//
// Graded, on lists of new ints and lengths each run: the results; nothing leaked; no
// Expensive.compute under the GIL; the GIL held under 10% of the run; another Python
// thread runs meanwhile; each item read when you reach it (another thread changes items
// ahead of you); exactly two acquisitions per element; a list that another thread
// shortens, at a different point of your work each run.
//
// Check it:  ./gilbook check update-in-place-reattach      Stuck?  ./gilbook hint update-in-place-reattach

import gilbook.runtime.pyo3.*;
import gilbook.exercises.contract.Expensive;

void apply(Python py, Bound<PyList> numbers) {
    PyList list = numbers.get();
    // TODO: this holds the GIL throughout. Unbind the list, detach once, and inside the
    // detached section attach only to read item i and to write it back.
    for (int i = 0; i < list.size(); i++) {
        long n = ((PyLong) list.getItem(i)).asLong();
        PyLong result = PyLong.fromLong(Expensive.compute(n));
        list.setItem(i, result);
        result.decref();
    }
}

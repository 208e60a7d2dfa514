// Chapter 7 · Update in place, Strategy 1: copy out, compute detached, write back
//
// Python calls your extension function with the GIL held, as PyO3 calls a #[pyfunction]:
// `py` is the token that proves it, and `numbers` is a Bound<PyList> of ints. Replace each
// int n in the list, in place, with Expensive.compute(n). That takes 1 ms per item and
// touches no Python object, so it should run without the GIL.
//
// Strategy 1 keeps the GIL-free section apart from the Python objects:
//   1. holding the GIL, copy the ints into a plain long[];
//   2. inside py.allowThreads(() -> ...) (py.detach in PyO3 0.26), compute every result;
//   3. holding the GIL again, write the results back with setItem.
// While you are detached another thread may shorten the list: write back only the
// indexes that still exist.
//
// Tools:
//   numbers.get()                        the PyList (only while the GIL is held)
//   list.size(), list.getItem(i)         len(list), list[i] (a borrowed reference)
//   ((PyLong) item).asLong()             the int's value
//   list.setItem(i, v)                   list[i] = v (increfs v: decref your own reference)
//                                        PyObject_SetItem, not PyList_SetItem, which steals v
//   PyLong.fromLong(x)                   a new int (you own one reference)
//   py.allowThreads(() -> ...)           release the GIL around a computation
//
// Graded, on lists of new ints and lengths each run: the results; nothing leaked; no
// Expensive.compute under the GIL; the GIL held under 10% of the run; another Python
// thread runs meanwhile; one detach whatever the length; a list that another thread
// shortens, at a different point of your work each run.
//
// Check it:  ./gilbook check update-in-place-copy      Stuck?  ./gilbook hint update-in-place-copy

import gilbook.runtime.pyo3.*;
import gilbook.exercises.contract.Expensive;

void apply(Python py, Bound<PyList> numbers) {
    PyList list = numbers.get();
    // TODO: this holds the GIL throughout, so no other Python thread runs for 1 ms per item.
    // Copy the ints out, compute them all inside py.allowThreads, then write them back.
    for (int i = 0; i < list.size(); i++) {
        long n = ((PyLong) list.getItem(i)).asLong();
        PyLong result = PyLong.fromLong(Expensive.compute(n));
        list.setItem(i, result);
        result.decref();
    }
}

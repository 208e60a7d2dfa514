// Chapter 7 · Update in place, in batches: re-attach every K items
//
// The task once more: replace each int n of `numbers`, in place, with batching.compute(n)
// (no Python objects, so no GIL needed). This time the list is long (thousands of ints) and
// another Python thread, a server, runs Python code without pause beside you. Its users care
// about one figure: how long it waits for the GIL. Keep its 99th-percentile wait at or under
// batching.target(), and do not let the call take more than twice its computation time.
//
// Neither strategy does both:
//   - Strategy 1 copies the whole list while holding the GIL: one long hold, and the server
//     waits through all of it.
//   - Strategy 2 re-attaches for every element: beside a busy thread each re-attachment waits
//     about a switch interval (5 ms) before the busy thread lets go.
// So work in batches of K items: attach, copy K ints into a long[], detach and compute them,
// attach again to write them back, and so on. Choose K from the figures you are given:
//   batching.target()       the longest the server may wait, at the 99th percentile
//   Batching.ACCESS_COST    what one list access (getItem, setItem, size) costs with the GIL held
//   batching.itemCost()     what one batching.compute costs (it differs from call to call)
// and think about what the server waits through each time you hold the GIL.
// While you are detached another thread may shorten the list: check its size each time you
// attach.
//
// Tools (as in update-in-place-reattach):
//   numbers.unbind() -> Py<PyList>, ref.bind(inner).get(), ref.drop(py)
//   Python.withGil(inner -> value), Python.runWithGil(inner -> { ... }), py.allowThreads(...)
//   list.size(), list.getItem(i), list.setItem(i, v), PyLong.fromLong(x), ((PyLong) o).asLong()
//
// Graded, on new lists, targets and item costs each run: the results; nothing leaked; no
// batching.compute under the GIL; the server's 99th-percentile wait at or under the target;
// the call within twice its computation time; a list that another thread shortens.
//
// Check it:  ./gilbook check update-in-place-batched      Stuck?  ./gilbook hint update-in-place-batched

import gilbook.runtime.pyo3.*;
import gilbook.exercises.contract.Batching;

void apply(Python py, Bound<PyList> numbers, Batching batching) {
    PyList list = numbers.get();
    // TODO: this holds the GIL throughout, so the server waits for the whole call. Work in
    // batches of K items, computing each batch detached, with K chosen from the figures above.
    for (int i = 0; i < list.size(); i++) {
        long n = ((PyLong) list.getItem(i)).asLong();
        PyLong result = PyLong.fromLong(batching.compute(n));
        list.setItem(i, result);
        result.decref();
    }
}

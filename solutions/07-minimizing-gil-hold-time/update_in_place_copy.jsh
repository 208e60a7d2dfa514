// Chapter 7 · Update in place, Strategy 1 (solution)
//
// Three phases: copy the ints out while holding the GIL, compute them all with the GIL
// released, and write back once it is held again. The GIL is taken back once, whatever the
// length of the list.

import gilbook.runtime.pyo3.*;
import gilbook.exercises.contract.Expensive;

void apply(Python py, Bound<PyList> numbers) {
    PyList list = numbers.get();
    // Holding the GIL: a plain long[] can cross the GIL-free section; the PyList cannot.
    long[] values = new long[list.size()];
    for (int i = 0; i < values.length; i++) {
        values[i] = ((PyLong) list.getItem(i)).asLong();
    }
    // Detached: only Java values are touched, so other Python threads run meanwhile.
    long[] results = py.allowThreads(() -> {
        long[] out = new long[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Expensive.compute(values[i]);
        }
        return out;
    });
    // Holding the GIL again. The list may have shrunk while we were away: write back only
    // the indexes that still exist.
    int n = Math.min(list.size(), results.length);
    for (int i = 0; i < n; i++) {
        PyLong result = PyLong.fromLong(results[i]);
        list.setItem(i, result);
        result.decref();
    }
}

// Chapter 7 · Update in place, Strategy 2 (solution)
//
// No copy: the Bound is unbound into a Py that may cross the GIL-free section, and each
// element access takes the GIL for just that access (two per element). The size is checked
// each time the GIL is held, because another thread may have shortened the list meanwhile.

import gilbook.runtime.pyo3.*;
import gilbook.exercises.contract.Expensive;

void apply(Python py, Bound<PyList> numbers) {
    int length = numbers.get().size();
    // A Bound is tied to the GIL; a Py is not, and may be kept while detached.
    Py<PyList> ref = numbers.unbind();
    py.allowThreads(() -> {
        for (int i = 0; i < length; i++) {
            int index = i;
            // Attach to read one item; null when the list no longer reaches this index.
            Long n = Python.withGil(inner -> {
                PyList list = ref.bind(inner).get();
                return index < list.size() ? ((PyLong) list.getItem(index)).asLong() : null;
            });
            if (n == null) {
                break;
            }
            // Detached: the computation touches no Python object.
            long result = Expensive.compute(n);
            // Attach to write it back, if the item is still there.
            Python.runWithGil(inner -> {
                PyList list = ref.bind(inner).get();
                if (index < list.size()) {
                    PyLong value = PyLong.fromLong(result);
                    list.setItem(index, value);
                    value.decref();
                }
            });
        }
    });
    // The Py owns a reference (unbind moved it out of the Bound): give it back.
    ref.drop(py);
}

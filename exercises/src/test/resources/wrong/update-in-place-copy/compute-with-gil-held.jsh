// WRONG: copies the ints out and writes back carefully, but computes holding the GIL (no allowThreads)
import gilbook.runtime.pyo3.*;
import gilbook.exercises.contract.Expensive;

void apply(Python py, Bound<PyList> numbers) {
    PyList list = numbers.get();
    long[] values = new long[list.size()];
    for (int i = 0; i < values.length; i++) {
        values[i] = ((PyLong) list.getItem(i)).asLong();
    }
    long[] results = new long[values.length];
    for (int i = 0; i < values.length; i++) {
        results[i] = Expensive.compute(values[i]);
    }
    int n = Math.min(list.size(), results.length);
    for (int i = 0; i < n; i++) {
        PyLong result = PyLong.fromLong(results[i]);
        list.setItem(i, result);
        result.decref();
    }
}

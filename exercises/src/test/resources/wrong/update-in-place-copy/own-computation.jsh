// WRONG: computes n * n + 1 itself instead of calling Expensive.compute, so no computation runs detached at all
import gilbook.runtime.pyo3.*;
import gilbook.exercises.contract.Expensive;

void apply(Python py, Bound<PyList> numbers) {
    PyList list = numbers.get();
    long[] values = new long[list.size()];
    for (int i = 0; i < values.length; i++) {
        values[i] = ((PyLong) list.getItem(i)).asLong();
    }
    long[] results = py.allowThreads(() -> {
        long[] out = new long[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[i] * values[i] + 1;
        }
        return out;
    });
    int n = Math.min(list.size(), results.length);
    for (int i = 0; i < n; i++) {
        PyLong result = PyLong.fromLong(results[i]);
        list.setItem(i, result);
        result.decref();
    }
}

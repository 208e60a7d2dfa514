// WRONG: never decrefs the PyLong it made after setItem stored it, so every result leaks
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
            out[i] = Expensive.compute(values[i]);
        }
        return out;
    });
    int n = Math.min(list.size(), results.length);
    for (int i = 0; i < n; i++) {
        list.setItem(i, PyLong.fromLong(results[i]));
    }
}

// WRONG: does Strategy 1 only for the lengths the lesson names (3 and 6 items) and holds the GIL throughout otherwise
import gilbook.runtime.pyo3.*;
import gilbook.exercises.contract.Expensive;

void apply(Python py, Bound<PyList> numbers) {
    PyList list = numbers.get();
    long[] values = new long[list.size()];
    for (int i = 0; i < values.length; i++) {
        values[i] = ((PyLong) list.getItem(i)).asLong();
    }
    long[] results;
    if (values.length == 3 || values.length == 6) {
        results = py.allowThreads(() -> {
            long[] out = new long[values.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = Expensive.compute(values[i]);
            }
            return out;
        });
    } else {
        results = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            results[i] = Expensive.compute(values[i]);
        }
    }
    int n = Math.min(list.size(), results.length);
    for (int i = 0; i < n; i++) {
        PyLong result = PyLong.fromLong(results[i]);
        list.setItem(i, result);
        result.decref();
    }
}

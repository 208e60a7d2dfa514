// WRONG: reads the list through the Bound inside allowThreads, where the GIL is released
import gilbook.runtime.pyo3.*;
import gilbook.exercises.contract.Expensive;

void apply(Python py, Bound<PyList> numbers) {
    int size = numbers.get().size();
    long[] results = py.allowThreads(() -> {
        long[] out = new long[size];
        for (int i = 0; i < size; i++) {
            out[i] = Expensive.compute(((PyLong) numbers.get().getItem(i)).asLong());
        }
        return out;
    });
    PyList list = numbers.get();
    for (int i = 0; i < Math.min(list.size(), results.length); i++) {
        PyLong result = PyLong.fromLong(results[i]);
        list.setItem(i, result);
        result.decref();
    }
}

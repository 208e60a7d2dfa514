// WRONG: copies every int into a long[] before detaching (Strategy 1's copy), then attaches only to write each result back
import gilbook.runtime.pyo3.*;
import gilbook.exercises.contract.Expensive;

void apply(Python py, Bound<PyList> numbers) {
    PyList first = numbers.get();
    long[] values = new long[first.size()];
    for (int i = 0; i < values.length; i++) {
        values[i] = ((PyLong) first.getItem(i)).asLong();
    }
    Py<PyList> ref = numbers.unbind();
    py.allowThreads(() -> {
        for (int i = 0; i < values.length; i++) {
            int index = i;
            long result = Expensive.compute(values[i]);
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
    ref.drop(py);
}

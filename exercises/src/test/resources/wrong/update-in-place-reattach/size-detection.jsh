// WRONG: does Strategy 2 only for the lengths the lesson names (3 and 6 items) and holds the GIL throughout otherwise
import gilbook.runtime.pyo3.*;
import gilbook.exercises.contract.Expensive;

void apply(Python py, Bound<PyList> numbers) {
    int length = numbers.get().size();
    if (length != 3 && length != 6) {
        PyList list = numbers.get();
        for (int i = 0; i < list.size(); i++) {
            PyLong result = PyLong.fromLong(Expensive.compute(((PyLong) list.getItem(i)).asLong()));
            list.setItem(i, result);
            result.decref();
        }
        return;
    }
    Py<PyList> ref = numbers.unbind();
    py.allowThreads(() -> {
        for (int i = 0; i < length; i++) {
            int index = i;
            Long n = Python.withGil(inner -> {
                PyList list = ref.bind(inner).get();
                return index < list.size() ? ((PyLong) list.getItem(index)).asLong() : null;
            });
            if (n == null) {
                break;
            }
            long result = Expensive.compute(n);
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

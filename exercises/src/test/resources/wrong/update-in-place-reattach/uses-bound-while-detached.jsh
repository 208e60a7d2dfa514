// WRONG: keeps using the Bound inside allowThreads instead of unbinding it and binding it again with the GIL
import gilbook.runtime.pyo3.*;
import gilbook.exercises.contract.Expensive;

void apply(Python py, Bound<PyList> numbers) {
    int length = numbers.get().size();
    py.allowThreads(() -> {
        for (int i = 0; i < length; i++) {
            int index = i;
            Long n = Python.withGil(inner -> {
                PyList list = numbers.get();
                return index < list.size() ? ((PyLong) list.getItem(index)).asLong() : null;
            });
            if (n == null) {
                break;
            }
            long result = Expensive.compute(n);
            Python.runWithGil(inner -> {
                PyList list = numbers.get();
                if (index < list.size()) {
                    PyLong value = PyLong.fromLong(result);
                    list.setItem(index, value);
                    value.decref();
                }
            });
        }
    });
}

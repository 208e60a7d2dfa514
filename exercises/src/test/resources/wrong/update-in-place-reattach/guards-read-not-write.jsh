// WRONG: checks the list's size when it attaches to read item i, but not when it attaches again to write it
import gilbook.runtime.pyo3.*;
import gilbook.exercises.contract.Expensive;

void apply(Python py, Bound<PyList> numbers) {
    int length = numbers.get().size();
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
                PyLong value = PyLong.fromLong(result);
                list.setItem(index, value);
                value.decref();
            });
        }
    });
    ref.drop(py);
}

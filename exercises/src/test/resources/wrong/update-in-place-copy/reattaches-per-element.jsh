// WRONG: uses Strategy 2 (an attach to read and one to write each element) where Strategy 1 asks for one detach and no attach per element
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

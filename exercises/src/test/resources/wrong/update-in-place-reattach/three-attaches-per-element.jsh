// WRONG: attaches a third time per element, just to check the size, so it takes the GIL three times per element
import gilbook.runtime.pyo3.*;
import gilbook.exercises.contract.Expensive;

void apply(Python py, Bound<PyList> numbers) {
    int length = numbers.get().size();
    Py<PyList> ref = numbers.unbind();
    py.allowThreads(() -> {
        for (int i = 0; i < length; i++) {
            int index = i;
            boolean there = Python.withGil(inner -> index < ref.bind(inner).get().size());
            if (!there) {
                break;
            }
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

// WRONG: copies the whole list up front and re-reads only the last item, attaching twice per element to look like Strategy 2
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
            Long n = Python.withGil(inner -> {
                PyList list = ref.bind(inner).get();
                if (index >= list.size()) {
                    return null;
                }
                return index == values.length - 1 ? ((PyLong) list.getItem(index)).asLong() : values[index];
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

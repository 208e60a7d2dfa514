// RIGHT: a while loop that re-reads the length on each attach, and the Py given back through intoBound(py).close()
import gilbook.runtime.pyo3.*;
import gilbook.exercises.contract.Expensive;

void apply(Python py, Bound<PyList> numbers) {
    Py<PyList> ref = numbers.unbind();
    py.allowThreads(() -> {
        int index = 0;
        while (true) {
            int at = index;
            long[] read = Python.withGil(inner -> {
                PyList list = ref.bind(inner).get();
                return at < list.size() ? new long[] {((PyLong) list.getItem(at)).asLong()} : null;
            });
            if (read == null) {
                break;
            }
            long result = Expensive.compute(read[0]);
            Python.runWithGil(inner -> {
                PyList list = ref.bind(inner).get();
                if (at < list.size()) {
                    PyLong value = PyLong.fromLong(result);
                    list.setItem(at, value);
                    value.decref();
                }
            });
            index++;
        }
    });
    ref.intoBound(py).close();
}

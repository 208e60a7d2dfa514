// RIGHT: PyO3 0.26's names: py.detach, Python.attach and Python.runAttached
import gilbook.runtime.pyo3.*;
import gilbook.exercises.contract.Expensive;

void apply(Python py, Bound<PyList> numbers) {
    int length = numbers.get().size();
    Py<PyList> ref = numbers.unbind();
    py.detach(() -> {
        for (int i = 0; i < length; i++) {
            int index = i;
            OptionalLong n = Python.attach(inner -> {
                PyList list = ref.bind(inner).get();
                return index < list.size()
                        ? OptionalLong.of(((PyLong) list.getItem(index)).asLong())
                        : OptionalLong.empty();
            });
            if (n.isEmpty()) {
                return;
            }
            long result = Expensive.compute(n.getAsLong());
            Python.runAttached(inner -> {
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

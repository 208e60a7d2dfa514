// WRONG: attaches once per element and computes inside that attach, so Expensive.compute runs holding the GIL
import gilbook.runtime.pyo3.*;
import gilbook.exercises.contract.Expensive;

void apply(Python py, Bound<PyList> numbers) {
    int length = numbers.get().size();
    Py<PyList> ref = numbers.unbind();
    py.allowThreads(() -> {
        for (int i = 0; i < length; i++) {
            int index = i;
            boolean more = Python.withGil(inner -> {
                PyList list = ref.bind(inner).get();
                if (index >= list.size()) {
                    return false;
                }
                long n = ((PyLong) list.getItem(index)).asLong();
                PyLong value = PyLong.fromLong(Expensive.compute(n));
                list.setItem(index, value);
                value.decref();
                return true;
            });
            if (!more) {
                break;
            }
        }
    });
    ref.drop(py);
}

// WRONG: holds the GIL between elements and detaches around each computation, so it takes the GIL once per element instead of twice
import gilbook.runtime.pyo3.*;
import gilbook.exercises.contract.Expensive;

void apply(Python py, Bound<PyList> numbers) {
    PyList list = numbers.get();
    for (int i = 0; i < list.size(); i++) {
        long n = ((PyLong) list.getItem(i)).asLong();
        long computed = py.allowThreads(() -> Expensive.compute(n));
        if (i < list.size()) {
            PyLong result = PyLong.fromLong(computed);
            list.setItem(i, result);
            result.decref();
        }
    }
}

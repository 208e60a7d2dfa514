// WRONG: forgets the size check after re-attaching: reads and writes item i as if the list kept its length
import gilbook.runtime.pyo3.*;
import gilbook.exercises.contract.Expensive;

void apply(Python py, Bound<PyList> numbers) {
    int length = numbers.get().size();
    Py<PyList> ref = numbers.unbind();
    py.allowThreads(() -> {
        for (int i = 0; i < length; i++) {
            int index = i;
            long n = Python.withGil(inner -> ((PyLong) ref.bind(inner).get().getItem(index)).asLong());
            long result = Expensive.compute(n);
            Python.runWithGil(inner -> {
                PyLong value = PyLong.fromLong(result);
                ref.bind(inner).get().setItem(index, value);
                value.decref();
            });
        }
    });
    ref.drop(py);
}

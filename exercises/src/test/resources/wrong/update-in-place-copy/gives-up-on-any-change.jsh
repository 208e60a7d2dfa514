// WRONG: writes nothing back when the list's length changed while detached, though the items still in it must be updated
import gilbook.runtime.pyo3.*;
import gilbook.exercises.contract.Expensive;

void apply(Python py, Bound<PyList> numbers) {
    PyList list = numbers.get();
    long[] values = new long[list.size()];
    for (int i = 0; i < values.length; i++) {
        values[i] = ((PyLong) list.getItem(i)).asLong();
    }
    long[] results = py.allowThreads(() -> {
        long[] out = new long[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Expensive.compute(values[i]);
        }
        return out;
    });
    if (list.size() != results.length) {
        return;
    }
    for (int i = 0; i < results.length; i++) {
        PyLong result = PyLong.fromLong(results[i]);
        list.setItem(i, result);
        result.decref();
    }
}

// WRONG: increfs the dict before returning it, so the caller gets a second reference that nobody gives back
import gilbook.runtime.pyo3.*;
import gilbook.exercises.contract.Expensive;

PyDict compute(Python py, Bound<PyList> numbers) {
    PyList list = numbers.get();
    long[] values = new long[list.size()];
    for (int i = 0; i < values.length; i++) {
        values[i] = ((PyLong) list.getItem(i)).asLong();
    }
    long[][] factors = py.allowThreads(() -> {
        long[][] out = new long[values.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = Expensive.primeFactors(values[i]);
        }
        return out;
    });
    PyDict result = PyDict.empty();
    for (int i = 0; i < values.length; i++) {
        PyLong key = PyLong.fromLong(values[i]);
        PyList value = PyList.ofLongs(factors[i]);
        result.setItem(key, value);
        key.decref();
        value.decref();
    }
    result.incref();
    return result;
}

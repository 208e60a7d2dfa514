// WRONG: copies the ints out first but factors them holding the GIL (no allowThreads)
import gilbook.runtime.pyo3.*;
import gilbook.exercises.contract.Expensive;

PyDict compute(Python py, Bound<PyList> numbers) {
    PyList list = numbers.get();
    long[] values = new long[list.size()];
    for (int i = 0; i < values.length; i++) {
        values[i] = ((PyLong) list.getItem(i)).asLong();
    }
    long[][] factors = new long[values.length][];
    for (int i = 0; i < values.length; i++) {
        factors[i] = Expensive.primeFactors(values[i]);
    }
    PyDict result = PyDict.empty();
    for (int i = 0; i < values.length; i++) {
        PyLong key = PyLong.fromLong(values[i]);
        PyList value = PyList.ofLongs(factors[i]);
        result.setItem(key, value);
        key.decref();
        value.decref();
    }
    return result;
}

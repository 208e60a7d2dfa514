// WRONG: creates the keys and value lists and fills the dict inside allowThreads, touching Python objects without the GIL
import gilbook.runtime.pyo3.*;
import gilbook.exercises.contract.Expensive;

PyDict compute(Python py, Bound<PyList> numbers) {
    PyList list = numbers.get();
    long[] values = new long[list.size()];
    for (int i = 0; i < values.length; i++) {
        values[i] = ((PyLong) list.getItem(i)).asLong();
    }
    PyDict result = PyDict.empty();
    py.allowThreads(() -> {
        for (long n : values) {
            PyLong key = PyLong.fromLong(n);
            PyList value = PyList.ofLongs(Expensive.primeFactors(n));
            result.setItem(key, value);
            key.decref();
            value.decref();
        }
    });
    return result;
}

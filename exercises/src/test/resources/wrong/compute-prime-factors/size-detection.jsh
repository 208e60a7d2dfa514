// WRONG: factors detached only for a list of 5 ints (the printed example's length) and holds the GIL throughout otherwise
import gilbook.runtime.pyo3.*;
import gilbook.exercises.contract.Expensive;

PyDict compute(Python py, Bound<PyList> numbers) {
    PyList list = numbers.get();
    long[] values = new long[list.size()];
    for (int i = 0; i < values.length; i++) {
        values[i] = ((PyLong) list.getItem(i)).asLong();
    }
    long[][] factors;
    if (values.length == 5) {
        factors = py.allowThreads(() -> {
            long[][] out = new long[values.length][];
            for (int i = 0; i < out.length; i++) {
                out[i] = Expensive.primeFactors(values[i]);
            }
            return out;
        });
    } else {
        factors = new long[values.length][];
        for (int i = 0; i < values.length; i++) {
            factors[i] = Expensive.primeFactors(values[i]);
        }
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

// WRONG: never decrefs the key and the value it made after setItem stored them (the dict takes its own references)
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
        result.setItem(PyLong.fromLong(values[i]), PyList.ofLongs(factors[i]));
    }
    return result;
}

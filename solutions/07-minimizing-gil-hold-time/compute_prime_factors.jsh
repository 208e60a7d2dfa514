// Chapter 7 · Compute prime factors (solution)
//
// Strategy 1: read the ints while holding the GIL, factor them detached, then build the
// dict with the GIL held again. The numbers are copied before detaching, so a list that
// shrinks meanwhile cannot hurt: the dict holds every number that was read.

import gilbook.runtime.pyo3.*;
import gilbook.exercises.contract.Expensive;

PyDict compute(Python py, Bound<PyList> numbers) {
    PyList list = numbers.get();
    long[] values = new long[list.size()];
    for (int i = 0; i < values.length; i++) {
        values[i] = ((PyLong) list.getItem(i)).asLong();
    }
    // Detached: factoring touches no Python object.
    long[][] factors = py.allowThreads(() -> {
        long[][] out = new long[values.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = Expensive.primeFactors(values[i]);
        }
        return out;
    });
    // Holding the GIL: setItem increfs key and value, so drop our own references after.
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

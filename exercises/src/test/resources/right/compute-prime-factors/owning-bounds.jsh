// RIGHT: keys and values held in owning Bounds with try-with-resources, closed (decref'd) once the dict has its own references
import gilbook.runtime.pyo3.*;
import gilbook.exercises.contract.Expensive;

PyDict compute(Python py, Bound<PyList> numbers) {
    PyList list = numbers.get();
    long[] values = new long[list.size()];
    for (int i = 0; i < values.length; i++) {
        values[i] = ((PyLong) list.getItem(i)).asLong();
    }
    List<long[]> factors = py.allowThreads(() -> {
        List<long[]> out = new ArrayList<>();
        for (long n : values) {
            out.add(Expensive.primeFactors(n));
        }
        return out;
    });
    PyDict result = PyDict.empty();
    for (int i = 0; i < values.length; i++) {
        try (Bound<PyLong> key = Bound.fromOwned(py, PyLong.fromLong(values[i]));
                Bound<PyList> value = Bound.fromOwned(py, PyList.ofLongs(factors.get(i)))) {
            result.setItem(key.get(), value.get());
        }
    }
    return result;
}

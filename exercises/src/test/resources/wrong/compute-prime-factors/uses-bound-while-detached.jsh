// WRONG: reads the ints through the Bound inside allowThreads, where the GIL is released
import gilbook.runtime.pyo3.*;
import gilbook.exercises.contract.Expensive;

PyDict compute(Python py, Bound<PyList> numbers) {
    Map<Long, long[]> factors = py.allowThreads(() -> {
        Map<Long, long[]> out = new LinkedHashMap<>();
        PyList list = numbers.get();
        for (int i = 0; i < list.size(); i++) {
            long n = ((PyLong) list.getItem(i)).asLong();
            out.put(n, Expensive.primeFactors(n));
        }
        return out;
    });
    PyDict result = PyDict.empty();
    factors.forEach((n, f) -> {
        PyLong key = PyLong.fromLong(n);
        PyList value = PyList.ofLongs(f);
        result.setItem(key, value);
        key.decref();
        value.decref();
    });
    return result;
}

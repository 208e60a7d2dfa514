// RIGHT: streams read the ints, a LinkedHashMap carries the factors out of py.detach, and the dict is built from it
import gilbook.runtime.pyo3.*;
import gilbook.exercises.contract.Expensive;
import java.util.stream.IntStream;

PyDict compute(Python py, Bound<PyList> numbers) {
    PyList list = numbers.get();
    long[] values = IntStream.range(0, list.size())
            .mapToLong(i -> ((PyLong) list.getItem(i)).asLong())
            .toArray();
    Map<Long, long[]> factors = py.detach(() -> {
        Map<Long, long[]> out = new LinkedHashMap<>();
        for (long n : values) {
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

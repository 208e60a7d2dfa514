// RIGHT: rayon pattern: a parallel stream inside allowThreads
//
// PyO3's py.detach(|| numbers.par_iter().map(factor).collect()): the ints are copied out while
// the GIL is held, factored by a parallel stream with the GIL released (its worker threads touch
// only the long[]), and the dict is built once the GIL is held again.

import gilbook.runtime.pyo3.*;
import gilbook.exercises.contract.Expensive;
import java.util.Arrays;

PyDict compute(Python py, Bound<PyList> numbers) {
    PyList list = numbers.get();
    long[] values = new long[list.size()];
    for (int i = 0; i < values.length; i++) {
        values[i] = ((PyLong) list.getItem(i)).asLong();
    }
    long[][] factors = py.allowThreads(() ->
        Arrays.stream(values).parallel().mapToObj(Expensive::primeFactors).toArray(long[][]::new));
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

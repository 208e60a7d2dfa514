// RIGHT: rayon pattern: a parallel stream inside allowThreads
//
// Strategy 1 with PyO3's py.detach(|| values.par_iter().map(compute).collect()): copy the ints
// out holding the GIL, compute them with a parallel stream while detached (its worker threads see
// only the long[]), and write back the indexes that still exist once the GIL is held again.

import gilbook.runtime.pyo3.*;
import gilbook.exercises.contract.Expensive;
import java.util.Arrays;

void apply(Python py, Bound<PyList> numbers) {
    PyList list = numbers.get();
    long[] values = new long[list.size()];
    for (int i = 0; i < values.length; i++) {
        values[i] = ((PyLong) list.getItem(i)).asLong();
    }
    long[] results = py.allowThreads(() -> Arrays.stream(values).parallel().map(Expensive::compute).toArray());
    int n = Math.min(list.size(), results.length);
    for (int i = 0; i < n; i++) {
        PyLong result = PyLong.fromLong(results[i]);
        list.setItem(i, result);
        result.decref();
    }
}

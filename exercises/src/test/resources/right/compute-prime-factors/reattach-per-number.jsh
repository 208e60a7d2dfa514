// RIGHT: Strategy 2 for factoring: one attach to read each int (checking the size), factor detached, one attach to store it in the dict
import gilbook.runtime.pyo3.*;
import gilbook.exercises.contract.Expensive;

PyDict compute(Python py, Bound<PyList> numbers) {
    int length = numbers.get().size();
    Py<PyList> ref = numbers.unbind();
    Py<PyDict> dict = Bound.fromOwned(py, PyDict.empty()).unbind();
    py.allowThreads(() -> {
        for (int i = 0; i < length; i++) {
            int index = i;
            Long n = Python.withGil(inner -> {
                PyList list = ref.bind(inner).get();
                return index < list.size() ? ((PyLong) list.getItem(index)).asLong() : null;
            });
            if (n == null) {
                break;
            }
            long[] factors = Expensive.primeFactors(n);
            Python.runWithGil(inner -> {
                PyLong key = PyLong.fromLong(n);
                PyList value = PyList.ofLongs(factors);
                dict.bind(inner).get().setItem(key, value);
                key.decref();
                value.decref();
            });
        }
    });
    ref.drop(py);
    return dict.intoBound(py).get();
}

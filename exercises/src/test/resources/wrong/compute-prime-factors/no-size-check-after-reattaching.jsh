// WRONG: reads each int with its own attach but forgets the size check after re-attaching, as if the list kept its length
import gilbook.runtime.pyo3.*;
import gilbook.exercises.contract.Expensive;

PyDict compute(Python py, Bound<PyList> numbers) {
    int length = numbers.get().size();
    Py<PyList> ref = numbers.unbind();
    PyDict result = PyDict.empty();
    Py<PyDict> dict = Bound.fromBorrowed(py, result).unbind();
    py.allowThreads(() -> {
        for (int i = 0; i < length; i++) {
            int index = i;
            long n = Python.withGil(inner -> ((PyLong) ref.bind(inner).get().getItem(index)).asLong());
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
    dict.drop(py);
    ref.drop(py);
    return result;
}

// WRONG: returns the printed example's dict, after a little detached Work.cpu, whatever the list holds
import gilbook.runtime.pyo3.*;
import gilbook.exercises.contract.Expensive;

PyDict compute(Python py, Bound<PyList> numbers) {
    py.allowThreads(() -> Work.cpu(Duration.ofMillis(5)));
    long[][] example = {
        {387, 3, 43}, {2, 2}, {75, 3, 5}, {452, 2, 113}, {562672865058083521L, 7, 11483119695062929L}
    };
    PyDict result = PyDict.empty();
    for (long[] row : example) {
        PyLong key = PyLong.fromLong(row[0]);
        PyList value = PyList.ofLongs(Arrays.copyOfRange(row, 1, row.length));
        result.setItem(key, value);
        key.decref();
        value.decref();
    }
    return result;
}

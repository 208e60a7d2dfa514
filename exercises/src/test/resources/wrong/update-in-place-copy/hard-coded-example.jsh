// WRONG: hard-codes the answer for the example lists [1, 2, 3] and [1, 2, 3, 4, 5, 6] by index, after a detached Work.cpu of 1 ms per item
import gilbook.runtime.pyo3.*;
import gilbook.exercises.contract.Expensive;

void apply(Python py, Bound<PyList> numbers) {
    long[] answer = {2, 5, 10, 17, 26, 37};
    PyList list = numbers.get();
    int size = list.size();
    py.allowThreads(() -> Work.cpu(Duration.ofMillis(size)));
    for (int i = 0; i < Math.min(list.size(), answer.length); i++) {
        PyLong result = PyLong.fromLong(answer[i]);
        list.setItem(i, result);
        result.decref();
    }
}

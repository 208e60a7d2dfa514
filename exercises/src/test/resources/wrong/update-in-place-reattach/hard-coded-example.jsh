// WRONG: hard-codes the answer for the example list [1, 2, 3, 4, 5, 6] by index, attaching twice per item around a detached Work.cpu of 1 ms
import gilbook.runtime.pyo3.*;
import gilbook.exercises.contract.Expensive;

void apply(Python py, Bound<PyList> numbers) {
    long[] answer = {2, 5, 10, 17, 26, 37};
    int length = numbers.get().size();
    Py<PyList> ref = numbers.unbind();
    py.allowThreads(() -> {
        for (int i = 0; i < length; i++) {
            int index = i;
            boolean there = Python.withGil(inner -> index < ref.bind(inner).get().size());
            if (!there) {
                break;
            }
            Work.cpu(Duration.ofMillis(1));
            Python.runWithGil(inner -> {
                PyList list = ref.bind(inner).get();
                if (index < list.size() && index < answer.length) {
                    PyLong value = PyLong.fromLong(answer[index]);
                    list.setItem(index, value);
                    value.decref();
                }
            });
        }
    });
    ref.drop(py);
}

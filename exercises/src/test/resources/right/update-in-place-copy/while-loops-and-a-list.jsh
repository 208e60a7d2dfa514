// RIGHT: while loops, a List<Long> as the copy, and the write-back stops at the first index that is gone
import gilbook.runtime.pyo3.*;
import gilbook.exercises.contract.Expensive;

void apply(Python py, Bound<PyList> numbers) {
    PyList list = numbers.get();
    List<Long> copy = new ArrayList<>();
    int i = 0;
    while (i < list.size()) {
        copy.add(((PyLong) list.getItem(i)).asLong());
        i++;
    }
    List<Long> results = py.allowThreads(() -> {
        List<Long> out = new ArrayList<>();
        for (long n : copy) {
            out.add(Expensive.compute(n));
        }
        return out;
    });
    int j = 0;
    while (j < results.size() && j < list.size()) {
        PyLong value = PyLong.fromLong(results.get(j));
        list.setItem(j, value);
        value.decref();
        j++;
    }
}

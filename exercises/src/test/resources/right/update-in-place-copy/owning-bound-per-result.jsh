// RIGHT: each new int is wrapped in an owning Bound (Bound.fromOwned) and closed after setItem, as Rust would drop it
import gilbook.runtime.pyo3.*;
import gilbook.exercises.contract.Expensive;

void apply(Python py, Bound<PyList> numbers) {
    int size = numbers.get().size();
    long[] values = new long[size];
    for (int i = 0; i < size; i++) {
        values[i] = ((PyLong) numbers.get().getItem(i)).asLong();
    }
    long[] results = values.clone();
    py.allowThreads(() -> {
        for (int i = 0; i < results.length; i++) {
            results[i] = Expensive.compute(results[i]);
        }
    });
    for (int i = 0; i < results.length; i++) {
        if (i >= numbers.get().size()) {
            break;
        }
        try (Bound<PyLong> value = Bound.fromOwned(py, PyLong.fromLong(results[i]))) {
            numbers.get().setItem(i, value.get());
        }
    }
}

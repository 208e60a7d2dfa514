// RIGHT: streams for the copy, the computation and the write-back; py.detach (PyO3 0.26's name)
import gilbook.runtime.pyo3.*;
import gilbook.exercises.contract.Expensive;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

void apply(Python py, Bound<PyList> numbers) {
    PyList list = numbers.get();
    long[] values = IntStream.range(0, list.size())
            .mapToLong(i -> ((PyLong) list.getItem(i)).asLong())
            .toArray();
    long[] results = py.detach(() -> LongStream.of(values).map(Expensive::compute).toArray());
    IntStream.range(0, Math.min(list.size(), results.length)).forEach(i -> {
        PyLong result = PyLong.fromLong(results[i]);
        list.setItem(i, result);
        result.decref();
    });
}

// WRONG: copies every int out in one hold, then computes and writes back in batches: the first hold is as long as the list
import gilbook.runtime.pyo3.*;
import gilbook.exercises.contract.Batching;

void apply(Python py, Bound<PyList> numbers, Batching batching) {
    long accesses = batching.target().toNanos() / Batching.ACCESS_COST.toNanos();
    int k = (int) Math.max(1, accesses / 2 - 1);
    int length = numbers.get().size();
    // A Bound is tied to the GIL; a Py is not, and may be kept while detached.
    long[] all = new long[length];
    for (int i = 0; i < length; i++) {
        all[i] = ((PyLong) numbers.get().getItem(i)).asLong();
    }
    Py<PyList> ref = numbers.unbind();
    py.allowThreads(() -> {
        for (int from = 0; from < length; from += k) {
            int start = from;
            long[] values = java.util.Arrays.copyOfRange(all, start, Math.min(length, start + k));
            // Detached: only Java values are touched.
            long[] results = new long[values.length];
            for (int i = 0; i < values.length; i++) {
                results[i] = batching.compute(values[i]);
            }
            // Attach to write the batch back, up to the list's current end.
            Python.runWithGil(inner -> {
                PyList list = ref.bind(inner).get();
                int end = Math.min(list.size(), start + results.length);
                for (int i = start; i < end; i++) {
                    PyLong value = PyLong.fromLong(results[i - start]);
                    list.setItem(i, value);
                    value.decref();
                }
            });
        }
    });
    // The Py owns a reference (unbind moved it out of the Bound): give it back.
    ref.drop(py);
}

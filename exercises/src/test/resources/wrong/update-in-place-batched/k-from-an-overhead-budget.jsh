// WRONG: K from an overhead budget (the waits for the GIL at most a quarter of the computation), the item cost alone: the target never enters it, so the other thread waits longer than the target
import gilbook.runtime.pyo3.*;
import gilbook.exercises.contract.Batching;

void apply(Python py, Bound<PyList> numbers, Batching batching) {
    // One switch interval (5 ms) of waiting per batch, at most 25% of the batch's computation.
    long interval = 5_000_000;
    int k = (int) Math.max(1, interval * 4 / batching.itemCost().toNanos());
    int length = numbers.get().size();
    // A Bound is tied to the GIL; a Py is not, and may be kept while detached.
    Py<PyList> ref = numbers.unbind();
    py.allowThreads(() -> {
        for (int from = 0; from < length; from += k) {
            int start = from;
            // Attach to copy one batch out; null when the list no longer reaches it.
            long[] values = Python.withGil(inner -> {
                PyList list = ref.bind(inner).get();
                int end = Math.min(list.size(), start + k);
                if (end <= start) {
                    return null;
                }
                long[] out = new long[end - start];
                for (int i = 0; i < out.length; i++) {
                    out[i] = ((PyLong) list.getItem(start + i)).asLong();
                }
                return out;
            });
            if (values == null) {
                break;
            }
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

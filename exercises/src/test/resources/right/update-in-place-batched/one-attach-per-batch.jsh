// RIGHT: one attachment per batch that writes the last batch back and reads the next one, with K from the target less room for the two len() calls
import gilbook.runtime.pyo3.*;
import gilbook.exercises.contract.Batching;

void apply(Python py, Bound<PyList> numbers, Batching batching) {
    long perWait = batching.target().toNanos() / Batching.ACCESS_COST.toNanos() - 2;
    int k = (int) Math.max(1, perWait / 2);
    Py<PyList> ref = numbers.unbind();
    py.allowThreads(() -> {
        int start = 0;
        long[] results = new long[0];
        while (true) {
            int at = start;
            long[] done = results;
            // Write back the batch just computed, then read the next one, in the same hold.
            long[] values = Python.withGil(inner -> {
                PyList list = ref.bind(inner).get();
                int writeEnd = Math.min(list.size(), at - done.length + done.length);
                for (int i = at - done.length; i < writeEnd; i++) {
                    PyLong value = PyLong.fromLong(done[i - (at - done.length)]);
                    list.setItem(i, value);
                    value.decref();
                }
                int end = Math.min(list.size(), at + k);
                if (end <= at) {
                    return null;
                }
                long[] out = new long[end - at];
                for (int i = 0; i < out.length; i++) {
                    out[i] = ((PyLong) list.getItem(at + i)).asLong();
                }
                return out;
            });
            if (values == null) {
                break;
            }
            results = new long[values.length];
            for (int i = 0; i < values.length; i++) {
                results[i] = batching.compute(values[i]);
            }
            start += values.length;
        }
    });
    ref.drop(py);
}

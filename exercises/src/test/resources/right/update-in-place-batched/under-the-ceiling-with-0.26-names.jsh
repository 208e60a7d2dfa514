// RIGHT: PyO3 0.26's names (py.detach, Python.attach, Python.runAttached), a while loop, and a tenth below the largest K for safety
import gilbook.runtime.pyo3.*;
import gilbook.exercises.contract.Batching;

void apply(Python py, Bound<PyList> numbers, Batching batching) {
    // Two accesses per item in each wait (write back, then read the next batch), and a tenth
    // less to leave room.
    long perWait = batching.target().toNanos() / Batching.ACCESS_COST.toNanos();
    int k = (int) Math.max(1, perWait / 2 * 9 / 10);
    Py<PyList> ref = numbers.unbind();
    py.detach(() -> {
        int start = 0;
        while (true) {
            int at = start;
            long[] values = Python.attach(inner -> {
                PyList list = ref.bind(inner).get();
                int n = Math.max(0, Math.min(k, list.size() - at));
                long[] out = new long[n];
                for (int i = 0; i < n; i++) {
                    out[i] = ((PyLong) list.getItem(at + i)).asLong();
                }
                return out;
            });
            if (values.length == 0) {
                break;
            }
            long[] results = java.util.Arrays.stream(values).map(batching::compute).toArray();
            Python.runAttached(inner -> {
                PyList list = ref.bind(inner).get();
                // One len() per hold: each is an access the other thread waits through.
                int n = Math.max(0, Math.min(results.length, list.size() - at));
                for (int i = 0; i < n; i++) {
                    PyLong value = PyLong.fromLong(results[i]);
                    list.setItem(at + i, value);
                    value.decref();
                }
            });
            start += values.length;
        }
    });
    ref.drop(py);
}

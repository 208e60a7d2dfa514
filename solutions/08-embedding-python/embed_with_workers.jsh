// Chapter 8 · Embed with workers (solution)
//
// The bug: PythonEngine.initialize returns with Main holding the GIL, and nothing after it
// let go. host.work() and host.joinWorkers() are .NET code, so Main kept the GIL through both,
// and every worker stayed in Py.gil(): the watchdog's "Worker-0 waits for the GIL (held by
// Main)". The fix is one call straight after initialize, beginAllowThreads, which releases the
// GIL and returns Main's thread state. Each worker takes the GIL for its own appends inside
// Py.gil(). Once the workers are done, Main restores its state with endAllowThreads, on the
// thread that saved it, and shuts the engine down from there.

import gilbook.runtime.pythonnet.*;
import gilbook.exercises.contract.EmbedWithWorkers.Host;

void main(Host host, int workers, int items, PyList results) {
    PythonEngine.initialize(host.interp());
    PyThreadState state = PythonEngine.beginAllowThreads();
    for (int w = 0; w < workers; w++) {
        int worker = w;
        host.startWorker(() -> {
            for (int i = 0; i < items; i++) {
                try (GilState gil = Py.gil()) {
                    PyLong item = PyLong.fromLong(1000 * (worker + 1) + i);
                    results.append(item);
                    item.decref(); // the list holds its own reference
                }
            }
        });
    }
    host.work(); // .NET work, without the GIL
    host.joinWorkers();
    PythonEngine.endAllowThreads(state);
    PythonEngine.shutdown();
}

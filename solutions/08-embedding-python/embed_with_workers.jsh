// Chapter 8 · Embed with workers (solution)
//
// Initialize leaves Main holding the GIL: release it at once with beginAllowThreads, so that
// Main's own work and its Thread.Join wait hold nothing the workers need. Every Python call
// runs inside Py.gil(), on the thread that took it. Main takes the GIL back on the thread that
// released it, then shuts the engine down from that same thread.

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

// WRONG: Main takes a Py.gil() handle and has a worker close it: the worker raises GilStateError and Main keeps the GIL
import gilbook.runtime.pythonnet.*;
import gilbook.exercises.contract.EmbedWithWorkers.Host;

void main(Host host, int workers, int items, PyList results) {
    PythonEngine.initialize(host.interp());
    PyThreadState state = PythonEngine.beginAllowThreads();
    GilState setup = Py.gil(); // Main prepares, then lets the first thread release it
    host.startWorker(() -> setup.close());
    for (int w = 0; w < workers; w++) {
        int worker = w;
        host.startWorker(() -> {
            for (int i = 0; i < items; i++) {
                try (GilState gil = Py.gil()) {
                    PyLong item = PyLong.fromLong(1000 * (worker + 1) + i);
                    results.append(item);
                    item.decref();
                }
            }
        });
    }
    host.work();
    host.joinWorkers();
    PythonEngine.endAllowThreads(state);
    PythonEngine.shutdown();
}

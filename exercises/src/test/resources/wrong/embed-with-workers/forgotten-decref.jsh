// WRONG: never decrefs the ints it made: append took the list's own reference, the worker's is never given back
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
                    results.append(PyLong.fromLong(1000 * (worker + 1) + i));
                }
            }
        });
    }
    host.work();
    host.joinWorkers();
    PythonEngine.endAllowThreads(state);
    PythonEngine.shutdown();
}

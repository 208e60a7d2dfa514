// WRONG: starts one worker that appends every worker's ints; the others are never started
import gilbook.runtime.pythonnet.*;
import gilbook.exercises.contract.EmbedWithWorkers.Host;

void main(Host host, int workers, int items, PyList results) {
    PythonEngine.initialize(host.interp());
    PyThreadState state = PythonEngine.beginAllowThreads();
    host.startWorker(() -> {
        for (int w = 0; w < workers; w++) {
            for (int i = 0; i < items; i++) {
                try (GilState gil = Py.gil()) {
                    PyLong item = PyLong.fromLong(1000 * (w + 1) + i);
                    results.append(item);
                    item.decref();
                }
            }
        }
    });
    host.work();
    host.joinWorkers();
    PythonEngine.endAllowThreads(state);
    PythonEngine.shutdown();
}

// WRONG: hard-codes the example's 3 workers of 4 items instead of using its arguments
import gilbook.runtime.pythonnet.*;
import gilbook.exercises.contract.EmbedWithWorkers.Host;

void main(Host host, int workers, int items, PyList results) {
    PythonEngine.initialize(host.interp());
    PyThreadState state = PythonEngine.beginAllowThreads();
    for (int w = 0; w < 3; w++) {
        int worker = w;
        host.startWorker(() -> {
            for (int i = 0; i < 4; i++) {
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

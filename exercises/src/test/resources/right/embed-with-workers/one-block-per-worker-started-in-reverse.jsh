// RIGHT: workers started last-to-first, each appending all its ints inside one short Py.gil() block
import gilbook.runtime.pythonnet.*;
import gilbook.exercises.contract.EmbedWithWorkers.Host;

void main(Host host, int workers, int items, PyList results) {
    PythonEngine.initialize(host.interp());
    PyThreadState state = PythonEngine.beginAllowThreads();
    int w = workers;
    while (w-- > 0) {
        long[] mine = new long[items];
        for (int i = 0; i < items; i++) {
            mine[i] = 1000L * (w + 1) + i;
        }
        host.startWorker(() -> {
            try (GilState gil = Py.gil()) {
                for (long v : mine) {
                    PyLong item = PyLong.fromLong(v);
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

// RIGHT: adds the ints as Python ints, giving back each intermediate sum, and registers the handler last
import gilbook.runtime.pythonnet.*;
import gilbook.exercises.contract.ShutdownFromAnotherThread.Host;

void main(Host host, int workers, int items, PyList results) {
    PythonEngine.initialize(host.interp());
    PythonEngine.beginAllowThreads();
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
    try (GilState gil = Py.gil()) {
        PyLong total = PyLong.fromLong(0);
        int n = results.size();
        for (int i = 0; i < n; i++) {
            PyLong next = total.add((PyLong) results.getItem(i));
            total.decref();
            total = next;
        }
        results.append(total);
        total.decref();
    }
    host.onExit(() -> PythonEngine.shutdown());
    host.exit();
}

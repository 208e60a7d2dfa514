// WRONG: ends the program before the workers are done, so the exit handler shuts the engine down under their feet
import gilbook.runtime.pythonnet.*;
import gilbook.exercises.contract.ShutdownFromAnotherThread.Host;

void main(Host host, int workers, int items, PyList results) {
    PythonEngine.initialize(host.interp());
    PythonEngine.beginAllowThreads();
    host.onExit(() -> PythonEngine.shutdown());
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
    try (GilState gil = Py.gil()) {
        long sum = 0;
        for (int i = 0; i < results.size(); i++) {
            sum += ((PyLong) results.getItem(i)).asLong();
        }
        PyLong total = PyLong.fromLong(sum);
        results.append(total);
        total.decref();
    }
    host.exit();
    host.joinWorkers();
}

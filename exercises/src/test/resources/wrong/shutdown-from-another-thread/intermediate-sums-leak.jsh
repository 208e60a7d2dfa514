// WRONG: adds Python ints one by one and drops each intermediate sum without a decref: a leak
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
    host.joinWorkers();
    try (GilState gil = Py.gil()) {
        PyLong total = PyLong.fromLong(0);
        for (int i = 0; i < results.size(); i++) {
            total = total.add((PyLong) results.getItem(i)); // the old sum is never decref'd
        }
        results.append(total);
        total.decref();
    }
    host.exit();
}

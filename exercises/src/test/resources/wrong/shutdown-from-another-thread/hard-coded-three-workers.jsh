// WRONG: ignores its arguments: always three workers of four items, and the total those would make
import gilbook.runtime.pythonnet.*;
import gilbook.exercises.contract.ShutdownFromAnotherThread.Host;

void main(Host host, int workers, int items, PyList results) {
    PythonEngine.initialize(host.interp());
    PythonEngine.beginAllowThreads();
    host.onExit(() -> PythonEngine.shutdown());
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
    try (GilState gil = Py.gil()) {
        PyLong total = PyLong.fromLong(24018); // 1000..1003 + 2000..2003 + 3000..3003
        results.append(total);
        total.decref();
    }
    host.exit();
}

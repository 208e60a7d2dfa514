// RIGHT: registers the handler first, and closes Main's GIL handle by hand in a finally block
import gilbook.runtime.pythonnet.*;
import gilbook.exercises.contract.ShutdownFromAnotherThread.Host;

void main(Host host, int workers, int items, PyList results) {
    host.onExit(PythonEngine::shutdown); // runs only at host.exit(), when the engine is up
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
    GilState gil = Py.gil();
    try {
        long sum = 0;
        for (int i = 0; i < results.size(); i++) {
            sum += ((PyLong) results.getItem(i)).asLong();
        }
        PyLong total = PyLong.fromLong(sum);
        results.append(total);
        total.decref();
    } finally {
        gil.close(); // on Main, which took it
    }
    host.exit();
}

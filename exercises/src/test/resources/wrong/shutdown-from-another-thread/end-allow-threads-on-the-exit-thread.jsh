// WRONG: hands the state Main saved in beginAllowThreads to the exit handler, which restores it on its own thread
import gilbook.runtime.pythonnet.*;
import gilbook.exercises.contract.ShutdownFromAnotherThread.Host;

void main(Host host, int workers, int items, PyList results) {
    PythonEngine.initialize(host.interp());
    PyThreadState state = PythonEngine.beginAllowThreads();
    host.onExit(() -> {
        PythonEngine.endAllowThreads(state); // take the GIL back before shutting down
        PythonEngine.shutdown();
    });
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
        long sum = 0;
        for (int i = 0; i < results.size(); i++) {
            sum += ((PyLong) results.getItem(i)).asLong();
        }
        PyLong total = PyLong.fromLong(sum);
        results.append(total);
        total.decref();
    }
    host.exit();
}

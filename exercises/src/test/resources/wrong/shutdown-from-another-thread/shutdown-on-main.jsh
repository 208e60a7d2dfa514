// WRONG: takes the GIL back and shuts down on Main itself, so the exit handler finds the engine already stopped
import gilbook.runtime.pythonnet.*;
import gilbook.exercises.contract.ShutdownFromAnotherThread.Host;

void main(Host host, int workers, int items, PyList results) {
    PythonEngine.initialize(host.interp());
    PyThreadState state = PythonEngine.beginAllowThreads();
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
    PythonEngine.endAllowThreads(state);
    long sum = 0;
    for (int i = 0; i < results.size(); i++) {
        sum += ((PyLong) results.getItem(i)).asLong();
    }
    PyLong total = PyLong.fromLong(sum);
    results.append(total);
    total.decref();
    PythonEngine.shutdown(); // done here, so the exit handler has nothing left to do
    host.exit();
}

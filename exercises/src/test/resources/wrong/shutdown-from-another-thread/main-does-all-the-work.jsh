// WRONG: starts no worker: Main appends every worker's ints and the total itself
import gilbook.runtime.pythonnet.*;
import gilbook.exercises.contract.ShutdownFromAnotherThread.Host;

void main(Host host, int workers, int items, PyList results) {
    PythonEngine.initialize(host.interp());
    PythonEngine.beginAllowThreads();
    host.onExit(() -> PythonEngine.shutdown());
    host.work();
    try (GilState gil = Py.gil()) {
        long sum = 0;
        for (int w = 0; w < workers; w++) {
            for (int i = 0; i < items; i++) {
                PyLong item = PyLong.fromLong(1000 * (w + 1) + i);
                results.append(item);
                item.decref();
                sum += 1000 * (w + 1) + i;
            }
        }
        PyLong total = PyLong.fromLong(sum);
        results.append(total);
        total.decref();
    }
    host.exit();
}

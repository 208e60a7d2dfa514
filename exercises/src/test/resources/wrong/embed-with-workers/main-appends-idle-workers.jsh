// WRONG: Main never releases the GIL and appends every int itself; the workers it starts do nothing
import gilbook.runtime.pythonnet.*;
import gilbook.exercises.contract.EmbedWithWorkers.Host;

void main(Host host, int workers, int items, PyList results) {
    PythonEngine.initialize(host.interp());
    for (int w = 0; w < workers; w++) {
        for (int i = 0; i < items; i++) {
            PyLong item = PyLong.fromLong(1000 * (w + 1) + i);
            results.append(item);
            item.decref();
        }
        host.startWorker(() -> {});
    }
    host.work();
    host.joinWorkers();
    PythonEngine.shutdown();
}

// Chapter 8 · Shut down from another thread (solution)
//
// The bug: Main took the GIL back for good with endAllowThreads, for its own Python calls, and
// still held it when host.exit() began to wait for the exit handler. PythonEngine.shutdown()
// takes the GIL on the thread that runs it, so ExitHandler waited for Main's GIL while Main
// waited for ExitHandler: the deadlock the pythonnet wiki warns of. Deleting endAllowThreads
// alone is not enough, because Main's sum and append are Python calls and need the GIL. The fix
// keeps the rule for a shutdown on another thread: Main never restores its saved state (no
// endAllowThreads), and takes the GIL only for its own calls, in a Py.gil() block that gives it
// back before host.exit(). The exit handler's shutdown then finds the GIL free.

import gilbook.runtime.pythonnet.*;
import gilbook.exercises.contract.ShutdownFromAnotherThread.Host;

void main(Host host, int workers, int items, PyList results) {
    PythonEngine.initialize(host.interp());
    PythonEngine.beginAllowThreads(); // released for good: the exit handler's shutdown takes it
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
    try (GilState gil = Py.gil()) { // only for Main's own Python calls, given back at the brace
        long sum = 0;
        for (int i = 0; i < results.size(); i++) {
            sum += ((PyLong) results.getItem(i)).asLong();
        }
        PyLong total = PyLong.fromLong(sum);
        results.append(total);
        total.decref(); // the list holds its own reference
    }
    host.exit(); // waits for ExitHandler without holding the GIL
}

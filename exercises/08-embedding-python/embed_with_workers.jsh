// Chapter 8 · Embed with workers
//
// Debug this. The Main below belongs to a .NET program that embeds Python through pythonnet.
// It runs on a native thread, Main, that does not hold the GIL, and the engine is not started
// yet. It is meant to:
//
//   1. start the engine;
//   2. start `workers` worker threads; worker w appends the ints 1000 * (w + 1) + i, for i
//      from 0 to items - 1, to the Python list `results` (worker 0: 1000, 1001, ...; worker 1:
//      2000, 2001, ...), each worker taking the GIL itself for its Python calls;
//   3. meanwhile do the program's own work, host.work() (some milliseconds that touch no
//      Python object);
//   4. wait for the workers, then shut the engine down cleanly.
//
// Tools (gilbook.runtime.pythonnet), with their pythonnet names:
//   PythonEngine.initialize(host.interp())   PythonEngine.Initialize()
//   PythonEngine.beginAllowThreads()         BeginAllowThreads(); returns a PyThreadState
//   PythonEngine.endAllowThreads(state)      EndAllowThreads(state)
//   PythonEngine.shutdown()                  PythonEngine.Shutdown()
//   try (GilState gil = Py.gil()) { ... }    using (Py.GIL()) { ... }
//   host.startWorker(() -> ...), host.joinWorkers()   new Thread(...).Start(), Thread.Join()
//   PyLong.fromLong(x), results.append(item), item.decref()
//   The lesson says what each one does to the GIL.
//
// Graded on runs with varied numbers of workers and items, and threads that start at varied
// moments: no thread raises; nothing waits for ever; each worker appends its own ints while
// holding the GIL itself; no .NET work runs under the GIL and no worker waits more than 1 ms
// for it; the engine is shut down; nothing leaks.
//
// Check it:  ./gilbook check embed-with-workers      Stuck?  ./gilbook hint embed-with-workers

import gilbook.runtime.pythonnet.*;
import gilbook.exercises.contract.EmbedWithWorkers.Host;

void main(Host host, int workers, int items, PyList results) {
    // TODO: as written, this program never finishes: not one worker appends anything, and the
    // watchdog stops the run with "Worker-0 waits for the GIL (held by Main)". Find out why
    // Main still has the GIL at that moment, and fix main so that every check passes.
    PythonEngine.initialize(host.interp());
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
    PythonEngine.shutdown();
}

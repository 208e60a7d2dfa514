// Chapter 8 · Shut down from another thread
//
// Debug this. The Main below belongs to a .NET program that embeds Python through pythonnet and
// stops the engine from an exit handler. Main runs on a native thread, Main, that does not hold
// the GIL, and the engine is not started yet. It is meant to:
//
//   1. start the engine, and register an exit handler that shuts it down;
//   2. start `workers` worker threads; worker w appends the ints 1000 * (w + 1) + i, for i from
//      0 to items - 1, to the Python list `results`, each worker taking the GIL itself;
//   3. do the program's own work, host.work(), then wait for the workers;
//   4. append one more int to `results` itself: the sum of every int in the list, read from the
//      list;
//   5. end with host.exit(), which runs the exit handler on a thread of its own, ExitHandler,
//      and waits for it. The shutdown stays in the exit handler.
//
// Tools (gilbook.runtime.pythonnet), with their pythonnet names:
//   PythonEngine.initialize(host.interp())   PythonEngine.Initialize()
//   PythonEngine.beginAllowThreads()         BeginAllowThreads(); returns a PyThreadState
//   PythonEngine.endAllowThreads(state)      EndAllowThreads(state)
//   PythonEngine.shutdown()                  PythonEngine.Shutdown()
//   try (GilState gil = Py.gil()) { ... }    using (Py.GIL()) { ... }
//   host.startWorker(() -> ...), host.joinWorkers()   new Thread(...).Start(), Thread.Join()
//   host.onExit(() -> ...), host.exit()      AppDomain.ProcessExit += ..., the end of the program
//   results.size(), results.getItem(i) (borrowed), ((PyLong) o).asLong()
//   PyLong.fromLong(x), results.append(item), item.decref()
//   The lesson says what each one does to the GIL.
//
// Graded on runs with varied numbers of workers and items, and threads that start at varied
// moments: no thread raises; nothing waits for ever; the workers append their own ints and Main
// appends their total, each holding the GIL itself; Main leaves the GIL released for the exit
// handler's Shutdown; the exit handler finds the engine running and stops it; nothing leaks.
//
// Check it:  ./gilbook check shutdown-from-another-thread
// Stuck?     ./gilbook hint shutdown-from-another-thread

import gilbook.runtime.pythonnet.*;
import gilbook.exercises.contract.ShutdownFromAnotherThread.Host;

void main(Host host, int workers, int items, PyList results) {
    // TODO: as written, this program never ends: the watchdog stops the run with ExitHandler
    // waiting for the GIL in PythonEngine.Shutdown(). Find out who holds the GIL at that moment
    // and why, and fix main so that every check passes. Keep the shutdown in the exit handler.
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
    PythonEngine.endAllowThreads(state); // Main's own Python calls need the GIL
    long sum = 0;
    for (int i = 0; i < results.size(); i++) {
        sum += ((PyLong) results.getItem(i)).asLong();
    }
    PyLong total = PyLong.fromLong(sum);
    results.append(total);
    total.decref();
    host.exit();
}

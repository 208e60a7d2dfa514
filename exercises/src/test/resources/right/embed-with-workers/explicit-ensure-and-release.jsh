// RIGHT: GilState taken and closed explicitly in try/finally, PyGILState_Ensure/Release style
import gilbook.runtime.pythonnet.*;
import gilbook.exercises.contract.EmbedWithWorkers.Host;

void main(Host host, int workers, int items, PyList results) {
    PythonEngine.initialize(host.interp());
    PyThreadState state = PythonEngine.beginAllowThreads();
    for (int w = 0; w < workers; w++) {
        final long first = 1000L * (w + 1);
        host.startWorker(() -> {
            for (int i = 0; i < items; i++) {
                GilState gil = Py.gil();
                try {
                    PyLong item = PyLong.fromLong(first + i);
                    try {
                        results.append(item);
                    } finally {
                        item.decref();
                    }
                } finally {
                    gil.close();
                }
            }
        });
    }
    host.work();
    host.joinWorkers();
    PythonEngine.endAllowThreads(state);
    PythonEngine.shutdown();
}

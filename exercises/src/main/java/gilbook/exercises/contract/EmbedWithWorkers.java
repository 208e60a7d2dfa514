package gilbook.exercises.contract;

import gilbook.runtime.Interpreter;
import gilbook.runtime.PyList;

/**
 * Chapter 8, "Embed with workers": the main function of a .NET program that embeds Python with
 * pythonnet, starts worker threads that call into Python, and stops the engine.
 */
public interface EmbedWithWorkers {
  /**
   * Runs on the host's main thread, a native thread named {@code Main} that does not hold the GIL
   * and whose engine is not started. Starts the engine, has {@code workers} worker threads each
   * append {@code items} ints to {@code results}, waits for them, and shuts the engine down.
   */
  void main(Host host, int workers, int items, PyList results);

  /** What the .NET side of the program offers: its threads, and its own work. */
  interface Host {
    /** The interpreter to pass to {@code PythonEngine.initialize}. */
    Interpreter interp();

    /**
     * Starts a .NET worker thread, {@code new Thread(body).Start()}: a native thread that does not
     * hold the GIL. Workers are named {@code Worker-0}, {@code Worker-1}, ... in start order.
     */
    void startWorker(Runnable body);

    /**
     * {@code Thread.Join()} on every worker started so far: a native wait, which keeps the GIL if
     * the calling thread holds it.
     */
    void joinWorkers();

    /** The program's own .NET work, some milliseconds of computing that touch no Python object. */
    void work();
  }
}

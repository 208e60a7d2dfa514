package gilbook.exercises.contract;

import gilbook.runtime.PyList;

/**
 * Chapter 8, "Shut down from another thread": the main function of a .NET program that embeds
 * Python with pythonnet and stops the engine from an exit handler, which runs on a thread of its
 * own while the main thread waits for it.
 */
public interface ShutdownFromAnotherThread {
  /**
   * Runs on the host's main thread, a native thread named {@code Main} that does not hold the GIL
   * and whose engine is not started. Starts the engine, has {@code workers} worker threads each
   * append {@code items} ints to {@code results}, appends their total itself, and ends the program
   * with {@link Host#exit()}, whose exit handler shuts the engine down.
   */
  void main(Host host, int workers, int items, PyList results);

  /** What the .NET side of the program offers: its threads, its own work, and its exit. */
  interface Host extends EmbedWithWorkers.Host {
    /**
     * Registers {@code handler} to run when the program ends, as {@code AppDomain.ProcessExit +=
     * handler} does. Handlers run in the order they were registered.
     */
    void onExit(Runnable handler);

    /**
     * Ends the program: runs the registered exit handlers on a native thread of their own, named
     * {@code ExitHandler}, and waits until they are done. The wait is a native one, which keeps the
     * GIL if the calling thread holds it. Only the first call does anything.
     */
    void exit();
  }
}

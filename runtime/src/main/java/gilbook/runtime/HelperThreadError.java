package gilbook.runtime;

/**
 * A thread that a Python thread started broke the rules of parallel work: it was started outside a
 * detached section ({@code allowThreads} / {@code detach}), it computed after its section had
 * ended, or it was still running long after the end of the section that started it. The message
 * names the thread and the Python thread it belongs to. See the notes in {@code HelperThreads}.
 */
public final class HelperThreadError extends SimulationError {
  private static final long serialVersionUID = 1L;

  HelperThreadError(String message) {
    super(message);
  }
}

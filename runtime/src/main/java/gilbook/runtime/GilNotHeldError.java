package gilbook.runtime;

/**
 * A thread touched a Python object, or ran Python code, without holding the GIL. In CPython this is
 * undefined behaviour that may crash much later; here it fails at once and names who and what.
 */
public final class GilNotHeldError extends SimulationError {
  private static final long serialVersionUID = 1L;

  GilNotHeldError(PyThreadState thread, PyObject object) {
    super(message(thread, object));
  }

  /**
   * An error with a message of the caller's own, for binding layers that detect the misuse
   * themselves (a PyO3-style {@code Bound} used where the GIL is released, for example).
   */
  public GilNotHeldError(String message) {
    super(message);
  }

  private static String message(PyThreadState thread, PyObject object) {
    String what =
        object == null
            ? "ran Python code (an instruction, or making an object)"
            : "touched " + object.describe();
    return "thread "
        + thread.name()
        + " "
        + what
        + " without holding the GIL. Only the thread that holds the GIL may use Python objects:"
        + " take the GIL first (Python.withGil / attach in PyO3, PyGILState_Ensure in C), or"
        + " move this work out of the GIL-free section.";
  }
}

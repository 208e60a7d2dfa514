package gilbook.runtime.pythonnet;

/**
 * pythonnet's {@code Py} class, here only its {@code Py.GIL()}.
 *
 * <p>Thread-safe.
 */
public final class Py {
  private Py() {}

  /**
   * {@code Py.GIL()}, {@code PyGILState_Ensure}: takes the GIL for the calling thread (waiting
   * while another thread holds it) and returns a handle that releases it, for try-with-resources as
   * C# uses {@code using (Py.GIL())}:
   *
   * <pre>{@code
   * try (GilState gil = Py.gil()) {
   *   // safe to touch Python objects here
   * }
   * }</pre>
   *
   * @throws gilbook.runtime.GilStateError if the engine is not running
   */
  public static GilState gil() {
    PythonEngine.requireInitialized("Py.GIL");
    return GilState.ensure();
  }
}

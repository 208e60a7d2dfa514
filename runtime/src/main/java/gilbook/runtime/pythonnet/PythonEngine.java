package gilbook.runtime.pythonnet;

import gilbook.runtime.Eval;
import gilbook.runtime.GilStateError;
import gilbook.runtime.Interpreter;
import gilbook.runtime.PyThreadState;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;

/**
 * pythonnet's {@code PythonEngine}: how a .NET program that embeds Python starts it, lets other
 * threads in, and stops it.
 *
 * <p>The facts it models, from the pythonnet wiki's "Threading" page:
 *
 * <ul>
 *   <li>after {@link #initialize}, the calling thread holds the GIL, and nothing releases it while
 *       that thread runs .NET code, so every other thread that wants the GIL (Python threads, and
 *       .NET threads in {@code using (Py.GIL())}) waits. Call {@link #beginAllowThreads()} right
 *       after it;
 *   <li>{@link #endAllowThreads} takes the GIL back, and must run on the thread that released it;
 *   <li>{@link #shutdown()} takes the GIL on the calling thread. Called from another thread after
 *       the initializing thread took the GIL back with {@code endAllowThreads}, it waits for ever:
 *       the wiki's deadlock. Omit {@code endAllowThreads} in that case.
 * </ul>
 *
 * <p>The engine's state is kept per {@link Interpreter}, found from the calling thread.
 * Thread-safe.
 */
public final class PythonEngine {
  private static final Map<Interpreter, String> INITIALIZED_BY = new WeakHashMap<>();

  private PythonEngine() {}

  /**
   * {@code PythonEngine.Initialize()}: starts the engine from the calling thread, a native thread
   * of {@code interp} (the embedding program's main thread), and leaves that thread holding the
   * GIL. Calling it again while the engine runs does nothing, as in pythonnet.
   *
   * @throws GilStateError if the calling thread belongs to another interpreter
   */
  public static void initialize(Interpreter interp) {
    Objects.requireNonNull(interp, "interp must not be null");
    PyThreadState ts = PyThreadState.get();
    if (ts.interpreter() != interp) {
      throw new GilStateError(
          "PythonEngine.initialize: thread "
              + ts.name()
              + " belongs to another interpreter; initialize from one of this interpreter's"
              + " threads (interp.startNative(...))");
    }
    synchronized (INITIALIZED_BY) {
      if (INITIALIZED_BY.containsKey(interp)) {
        return;
      }
      INITIALIZED_BY.put(interp, ts.name());
    }
    interp.gilStateEnsure();
  }

  /** Whether the calling thread's interpreter has a running engine. */
  public static boolean isInitialized() {
    Interpreter interp = PyThreadState.get().interpreter();
    synchronized (INITIALIZED_BY) {
      return INITIALIZED_BY.containsKey(interp);
    }
  }

  /**
   * {@code PythonEngine.BeginAllowThreads()}, {@code PyEval_SaveThread}: releases the GIL the
   * calling thread holds, so that other threads can take it. Keep the returned state for {@link
   * #endAllowThreads}.
   *
   * @throws GilStateError if the engine is not running or the calling thread does not hold the GIL
   */
  public static PyThreadState beginAllowThreads() {
    requireInitialized("BeginAllowThreads");
    PyThreadState ts = PyThreadState.get();
    if (!ts.holdsGil()) {
      throw new GilStateError(
          "PythonEngine.BeginAllowThreads on thread "
              + ts.name()
              + ", which does not hold the GIL; call it on the thread that initialized the engine"
              + " or that called EndAllowThreads");
    }
    return Eval.saveThread();
  }

  /**
   * {@code PythonEngine.EndAllowThreads(state)}, {@code PyEval_RestoreThread}: takes the GIL back
   * for the thread that called {@link #beginAllowThreads()}, waiting while another thread holds it.
   *
   * @throws GilStateError if called on another thread than the one that saved {@code state}
   */
  public static void endAllowThreads(PyThreadState state) {
    Objects.requireNonNull(state, "state must not be null");
    requireInitialized("EndAllowThreads");
    PyThreadState ts = PyThreadState.get();
    if (state != ts) {
      throw new GilStateError(
          "PythonEngine.EndAllowThreads on thread "
              + ts.name()
              + " with the state that thread "
              + state.name()
              + " saved in BeginAllowThreads; call EndAllowThreads on "
              + state.name());
    }
    Eval.restoreThread(state);
  }

  /**
   * {@code PythonEngine.Shutdown()}: takes the GIL on the calling thread ({@code
   * PyGILState_Ensure}), stops the engine and leaves the calling thread holding no GIL. pythonnet 3
   * does the same: its {@code Runtime.Shutdown} takes the GIL with {@code PyGILState_Ensure},
   * clears pythonnet's own state, calls {@code PyGILState_Release} and then, if the thread still
   * has a current thread state, {@code PyEval_SaveThread}. It does not call {@code Py_Finalize} or
   * {@code Py_FinalizeEx}, so this is no model of interpreter finalization. It waits while another
   * thread holds the GIL; if that thread waits for the shutdown in turn, nothing moves again and
   * {@link Interpreter#awaitThreads()} reports a {@link gilbook.runtime.DeadlockError}.
   *
   * <p>Called while the engine is not running (never started, or already shut down, say by another
   * thread), it does nothing and returns at once, as pythonnet's {@code Shutdown} does when it is
   * not initialized.
   */
  public static void shutdown() {
    Interpreter interp = PyThreadState.get().interpreter();
    synchronized (INITIALIZED_BY) {
      if (!INITIALIZED_BY.containsKey(interp)) {
        return;
      }
    }
    interp.gilStateEnsure();
    synchronized (INITIALIZED_BY) {
      INITIALIZED_BY.remove(interp);
    }
    // pythonnet's Shutdown ends with PyEval_SaveThread: no thread holds the GIL afterwards,
    // whoever held it before.
    interp.gilStateRelease(true);
  }

  static void requireInitialized(String what) {
    PyThreadState ts = PyThreadState.get();
    synchronized (INITIALIZED_BY) {
      if (!INITIALIZED_BY.containsKey(ts.interpreter())) {
        throw new GilStateError(
            "PythonEngine."
                + what
                + " on thread "
                + ts.name()
                + ", but the engine is not running; call PythonEngine.initialize(interp) first");
      }
    }
  }
}

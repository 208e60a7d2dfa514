package gilbook.runtime;

import java.util.Objects;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * The pieces of CPython's eval loop that simulated Python code is built from: plain instructions,
 * loops with their back edges, and calls. Each method acts on the calling Python thread.
 *
 * <p>Check points (where a thread honours a drop request) depend on the interpreter's {@link
 * EvalBreakerPolicy}: under {@code BACK_EDGES_AND_CALLS} only {@link #loop} back edges and {@link
 * #call} are check points, so one loop body without a call is atomic; under {@code
 * EVERY_INSTRUCTION} every instruction is one.
 */
public final class Eval {
  private Eval() {}

  /** One instruction that touches no object, such as {@code LOAD_FAST}. */
  public static void instruction() {
    PyThreadState.get().instruction();
  }

  /** {@code n} plain instructions. */
  public static void instructions(long n) {
    PyThreadState ts = PyThreadState.get();
    for (long i = 0; i < n; i++) {
      ts.instruction();
    }
  }

  /**
   * {@code for i in range(n): body(i)}. After each iteration the loop jumps back ({@code
   * JUMP_BACKWARD}), which is an instruction and a check point.
   */
  public static void loop(long n, LongConsumer body) {
    Objects.requireNonNull(body, "body must not be null");
    PyThreadState ts = PyThreadState.get();
    for (long i = 0; i < n; i++) {
      body.accept(i);
      ts.checkPoint();
    }
  }

  /** A back edge on its own, for hand-written loops: an instruction and a check point. */
  public static void backEdge() {
    PyThreadState.get().checkPoint();
  }

  /** Calls a Python function: the call is an instruction and a check point, then {@code body}. */
  public static <T> T call(Supplier<T> body) {
    Objects.requireNonNull(body, "body must not be null");
    PyThreadState.get().checkPoint();
    return body.get();
  }

  /** Calls a Python function that returns nothing interesting. */
  public static void call(Runnable body) {
    Objects.requireNonNull(body, "body must not be null");
    PyThreadState.get().checkPoint();
    body.run();
  }

  /**
   * {@code PyEval_SaveThread()}, the first half of {@code Py_BEGIN_ALLOW_THREADS}: drops the GIL
   * held by the calling thread and returns its state, to pass to {@link #restoreThread}.
   *
   * @throws GilStateError if the calling thread does not hold the GIL
   */
  public static PyThreadState saveThread() {
    PyThreadState ts = PyThreadState.get();
    ts.interp.checkedGil().dropGil(ts, "allow threads");
    ts.interp.parallelWork().openSection(ts);
    return ts;
  }

  /**
   * {@code PyEval_RestoreThread(tstate)}, the end of {@code Py_END_ALLOW_THREADS}: takes the GIL
   * again. It must be called on the thread that saved {@code tstate}.
   */
  public static void restoreThread(PyThreadState tstate) {
    PyThreadState ts = PyThreadState.get();
    if (tstate != ts) {
      throw new GilStateError(
          "thread "
              + ts.name()
              + " tried to restore the thread state of "
              + (tstate == null ? "null" : tstate.name())
              + "; restore a thread state on the thread that saved it");
    }
    ts.interp.restoreThread(ts);
  }

  /**
   * Runs {@code body} with the GIL released, between {@code Py_BEGIN_ALLOW_THREADS} and {@code
   * Py_END_ALLOW_THREADS}. Other Python threads can run meanwhile; {@code body} must not touch
   * Python objects. It may compute in parallel (a parallel stream, threads it starts and joins):
   * that work counts as this thread's GIL-free work; see the notes in {@code HelperThreads}.
   */
  public static void allowThreads(Runnable body) {
    Objects.requireNonNull(body, "body must not be null");
    PyThreadState ts = saveThread();
    try {
      body.run();
    } finally {
      restoreThread(ts);
    }
  }

  /**
   * A blocking wait, such as a lock or a queue, done the way CPython's C code does it: the GIL is
   * released around {@code wait} (if the thread holds it) and taken back afterwards, and the time
   * is recorded as blocked. {@code what} names it in the trace and in deadlock reports.
   */
  public static void blocking(String what, Runnable wait) {
    Objects.requireNonNull(what, "what must not be null");
    Objects.requireNonNull(wait, "wait must not be null");
    PyThreadState ts = PyThreadState.get();
    ts.interp.blocking(ts, what, wait);
  }
}

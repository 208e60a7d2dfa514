package gilbook.runtime.pyo3;

import gilbook.runtime.Eval;
import gilbook.runtime.GilNotHeldError;
import gilbook.runtime.Interpreter;
import gilbook.runtime.PyThreadState;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A token proving that the calling thread holds the GIL, PyO3's {@code Python<'py>}.
 *
 * <p>Each {@link #withGil} call opens a scope with its own token. The token, and every {@link
 * Bound} made with it, is valid only on its thread, while its scope is open and not detached: after
 * {@code withGil} returns, or inside {@link #allowThreads}, using it raises a {@link
 * GilNotHeldError}. Rust's borrow checker enforces this at compile time ({@code 'py} lifetimes and
 * the {@code Ungil} bound); the simulation checks it at run time and says how to fix it.
 *
 * <p>{@code withGil} takes a function that returns a value. For a body that returns nothing use
 * {@link #runWithGil}: a {@code Consumer} overload of the same name would make {@code withGil(py ->
 * list.getItem(0))} ambiguous to the Java compiler.
 *
 * <p>Not thread-safe: a token is confined to the thread that opened its scope.
 */
public final class Python {
  private static final AtomicLong SCOPES = new AtomicLong();
  private static final ThreadLocal<List<Python>> OPEN = ThreadLocal.withInitial(ArrayList::new);

  private final PyThreadState thread;
  private final long scope;
  private boolean closed;
  private int detached;

  private Python(PyThreadState thread) {
    this.thread = thread;
    this.scope = SCOPES.incrementAndGet();
  }

  /**
   * PyO3's {@code Python::with_gil}: takes the GIL for the calling thread ({@code
   * PyGILState_Ensure}), runs {@code f} with a fresh token, and releases the GIL again if it took
   * it. Works on native threads, which start without the GIL, and on Python threads, nested or
   * inside an {@link #allowThreads} section.
   */
  public static <R> R withGil(Function<Python, R> f) {
    Objects.requireNonNull(f, "f must not be null");
    PyThreadState ts = PyThreadState.get("call Python.withGil (attach)");
    Interpreter interp = ts.interpreter();
    boolean taken = interp.gilStateEnsure();
    Python py = new Python(ts);
    List<Python> open = OPEN.get();
    open.add(py);
    try {
      return f.apply(py);
    } finally {
      py.closed = true;
      open.remove(py);
      interp.gilStateRelease(taken);
    }
  }

  /** {@link #withGil} for a body that returns nothing. */
  public static void runWithGil(Consumer<Python> f) {
    Objects.requireNonNull(f, "f must not be null");
    withGil(
        py -> {
          f.accept(py);
          return null;
        });
  }

  /** {@link #withGil} under its PyO3 0.26 name, {@code Python::attach}. */
  public static <R> R attach(Function<Python, R> f) {
    return withGil(f);
  }

  /** {@link #runWithGil} under its PyO3 0.26 name. */
  public static void runAttached(Consumer<Python> f) {
    runWithGil(f);
  }

  /**
   * PyO3's {@code py.allow_threads}: releases the GIL ({@code PyEval_SaveThread}), runs {@code f},
   * and takes the GIL back ({@code PyEval_RestoreThread}). Other Python threads run meanwhile.
   * Inside {@code f} this token and every {@link Bound} of this thread are unusable; take the GIL
   * again with {@link #withGil} and {@link Py#bind} to touch Python objects.
   *
   * <p>{@code f} may compute in parallel, PyO3's rayon pattern: a parallel stream, or threads it
   * starts and joins. Their {@code Work.cpu} counts as this thread's GIL-free work, the same on
   * every run, and none of them may touch a Python object. The section ends only when the threads
   * started inside it have ended. See {@code gilbook.runtime.HelperThreads}.
   */
  public <R> R allowThreads(Supplier<R> f) {
    Objects.requireNonNull(f, "f must not be null");
    check("allowThreads");
    // Every scope open on this thread loses the GIL, not only this one: Rust's Ungil bound
    // forbids the closure from capturing any 'py value.
    List<Python> open = List.copyOf(OPEN.get());
    PyThreadState saved = Eval.saveThread();
    open.forEach(p -> p.detached++);
    try {
      return f.get();
    } finally {
      open.forEach(p -> p.detached--);
      Eval.restoreThread(saved);
    }
  }

  /** {@link #allowThreads(Supplier)} for a body that returns nothing. */
  public void allowThreads(Runnable f) {
    Objects.requireNonNull(f, "f must not be null");
    allowThreads(
        () -> {
          f.run();
          return null;
        });
  }

  /** {@link #allowThreads(Supplier)} under its PyO3 0.26 name, {@code py.detach}. */
  public <R> R detach(Supplier<R> f) {
    return allowThreads(f);
  }

  /** {@link #allowThreads(Runnable)} under its PyO3 0.26 name, {@code py.detach}. */
  public void detach(Runnable f) {
    allowThreads(f);
  }

  /** Which {@code withGil} scope this token belongs to, counting from 1 across all threads. */
  public long scope() {
    return scope;
  }

  /** Whether the token may be used right now: on its thread, its scope open and not detached. */
  public boolean isActive() {
    return !closed && detached == 0 && PyThreadState.getOrNull() == thread && thread.holdsGil();
  }

  /** The thread whose GIL scope this token proves. */
  PyThreadState thread() {
    return thread;
  }

  /** Fails unless the token may be used now; {@code what} names the use. */
  void check(String what) {
    check(
        what,
        "Python token of with_gil scope #" + scope,
        " Take the GIL again with Python.withGil (attach) and use the token it gives you.");
  }

  /**
   * Fails unless {@code subject}, made in this scope, may be used now; {@code fix} ends the
   * message.
   */
  void check(String what, String subject, String fix) {
    PyThreadState current = PyThreadState.getOrNull();
    String by =
        current == null
            ? "Java thread '"
                + Thread.currentThread().getName()
                + "', which is not a Python thread,"
            : "thread " + current.name();
    if (current != thread) {
      throw new GilNotHeldError(
          subject
              + " (made on thread "
              + thread.name()
              + ") was used by "
              + by
              + " for "
              + what
              + ". It is tied to the thread and the with_gil scope that made it; PyO3 rejects"
              + " this at compile time (it is not Send)."
              + fix);
    }
    if (closed) {
      throw new GilNotHeldError(
          subject
              + " was used by "
              + by
              + " for "
              + what
              + " after its with_gil/attach scope ended. PyO3 rejects this at compile time (the"
              + " 'py lifetime has ended)."
              + fix);
    }
    if (detached > 0 || !thread.holdsGil()) {
      throw new GilNotHeldError(
          subject
              + " was used by "
              + by
              + " for "
              + what
              + " inside allow_threads/detach, where the GIL is released. PyO3 rejects this at"
              + " compile time: the closure must be Ungil, and a 'py value is not."
              + fix);
    }
  }

  @Override
  public String toString() {
    return "Python[scope #"
        + scope
        + " on "
        + thread.name()
        + (isActive() ? "" : ", inactive")
        + "]";
  }
}

package gilbook.runtime.pyo3;

import gilbook.runtime.GilNotHeldError;
import gilbook.runtime.PyObject;
import java.util.Objects;

/**
 * A GIL-bound reference to a Python object, PyO3's {@code Bound<'py, T>}.
 *
 * <p>A {@code Bound} belongs to the {@link Python} scope that made it. An owning {@code Bound}
 * holds one reference count, dropped by {@link #close()}; {@link #unbind()} moves that reference
 * into a {@link Py}, which may cross a GIL-free section. A {@code Bound} from {@link Py#bind} only
 * borrows the {@code Py}'s reference, as PyO3's {@code &Bound} does, and its {@code close()} does
 * nothing.
 *
 * <p>Using a {@code Bound} while the GIL is released (inside {@link Python#allowThreads}), after
 * its scope ended, or on another thread raises a {@link GilNotHeldError} whose message explains the
 * fix: {@code unbind()} it before {@code allowThreads} / {@code detach}, then {@code bind(py)}
 * again inside {@code withGil} / {@code attach}.
 *
 * <p>Not thread-safe: confined to the thread and scope that made it.
 *
 * @param <T> the object's type
 */
public final class Bound<T extends PyObject> implements AutoCloseable {
  private final Python py;
  private final T object;
  private final boolean owned;
  private boolean moved;

  private Bound(Python py, T object, boolean owned) {
    this.py = py;
    this.object = object;
    this.owned = owned;
  }

  /**
   * Takes over the reference the caller owns on {@code object}, PyO3's {@code
   * Bound::from_owned_ptr}: for example {@code Bound.fromOwned(py, PyList.ofLongs(1, 2))}.
   */
  public static <T extends PyObject> Bound<T> fromOwned(Python py, T object) {
    Objects.requireNonNull(py, "py must not be null");
    Objects.requireNonNull(object, "object must not be null");
    py.check("Bound.fromOwned");
    return new Bound<>(py, object, true);
  }

  /** A new reference to a borrowed {@code object} (incref), PyO3's {@code from_borrowed_ptr}. */
  public static <T extends PyObject> Bound<T> fromBorrowed(Python py, T object) {
    Objects.requireNonNull(py, "py must not be null");
    Objects.requireNonNull(object, "object must not be null");
    py.check("Bound.fromBorrowed");
    object.incref();
    return new Bound<>(py, object, true);
  }

  /** A view on a {@link Py}'s reference; owns nothing. */
  static <T extends PyObject> Bound<T> borrowed(Python py, T object) {
    return new Bound<>(py, object, false);
  }

  /** The object, for calling its methods. Checks that the GIL is held in this scope. */
  public T get() {
    check("get()");
    return object;
  }

  /** The token of the scope this reference is bound to. */
  public Python py() {
    return py;
  }

  /**
   * PyO3's {@code Bound::unbind}: a {@link Py} that may cross a GIL-free section. An owning {@code
   * Bound} moves its reference into the {@code Py} and is unusable afterwards; a borrowing one
   * gives a {@code Py} with a new reference (incref).
   */
  public Py<T> unbind() {
    check("unbind()");
    if (owned) {
      moved = true;
    } else {
      object.incref();
    }
    return new Py<>(object);
  }

  /**
   * A second owning reference to the same object in the same scope (incref), PyO3's {@code clone}.
   */
  @Override
  public Bound<T> clone() {
    check("clone()");
    object.incref();
    return new Bound<>(py, object, true);
  }

  /**
   * Drops the reference (decref), as Rust does when a {@code Bound} goes out of scope. Needs the
   * GIL. Does nothing on a borrowing {@code Bound} or on one already closed or unbound.
   */
  @Override
  public void close() {
    if (!owned || moved) {
      return;
    }
    check("close() (a decref)");
    moved = true;
    object.decref();
  }

  private void check(String what) {
    if (moved) {
      throw new IllegalStateException(
          "this Bound<"
              + object.typeName()
              + "> was moved by unbind() or closed; use the Py it returned, bound again with"
              + " bind(py)");
    }
    String type = object.typeName();
    py.check(
        what,
        "Bound<" + type + "> (from with_gil scope #" + py.scope() + ")",
        " Fix: call unbind() before allowThreads/detach to get a Py<"
            + type
            + ">, which holds no GIL, and inside Python.withGil/attach call bind(py) on it to get"
            + " a Bound again.");
  }

  @Override
  public String toString() {
    return "Bound[" + object + " in scope #" + py.scope() + (moved ? ", moved" : "") + "]";
  }
}

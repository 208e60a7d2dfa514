package gilbook.runtime.pyo3;

import gilbook.runtime.PyObject;
import java.util.Objects;

/**
 * A reference to a Python object that is not bound to the GIL, PyO3's {@code Py<T>}.
 *
 * <p>A {@code Py} owns one reference count. It can be kept across a GIL-free section and handed to
 * another thread, but it cannot touch the object: {@link #bind} it with a {@link Python} token
 * first. {@link #drop} gives the reference back and needs the GIL; a {@code Py} never dropped is a
 * leak, which the interpreter's shutdown report shows.
 *
 * <p>Thread-safe to pass between threads (PyO3's {@code Py<T>} is {@code Send} and {@code Sync});
 * every operation on it needs a token, so the GIL serialises them.
 *
 * @param <T> the object's type
 */
public final class Py<T extends PyObject> {
  private final T object;
  private volatile boolean dropped;

  Py(T object) {
    this.object = object;
  }

  /**
   * PyO3's {@code Py::bind}: a {@link Bound} in {@code py}'s scope that borrows this reference.
   * Closing it does nothing; this {@code Py} still owns the reference.
   */
  public Bound<T> bind(Python py) {
    Objects.requireNonNull(py, "py must not be null");
    py.check("Py.bind");
    requireLive("bind");
    return Bound.borrowed(py, object);
  }

  /** PyO3's {@code Py::into_bound}: moves this reference into an owning {@link Bound}. */
  public Bound<T> intoBound(Python py) {
    Objects.requireNonNull(py, "py must not be null");
    py.check("Py.intoBound");
    requireLive("intoBound");
    dropped = true;
    return Bound.fromOwned(py, object);
  }

  /** PyO3's {@code Py::clone_ref}: a second {@code Py} to the same object (incref). */
  public Py<T> cloneRef(Python py) {
    Objects.requireNonNull(py, "py must not be null");
    py.check("Py.cloneRef");
    requireLive("cloneRef");
    object.incref();
    return new Py<>(object);
  }

  /** Gives the reference back (decref), PyO3's {@code drop_ref}. Needs the GIL. */
  public void drop(Python py) {
    Objects.requireNonNull(py, "py must not be null");
    py.check("Py.drop");
    requireLive("drop");
    dropped = true;
    object.decref();
  }

  /** Whether the reference was given back by {@link #drop} or moved by {@link #intoBound}. */
  public boolean isDropped() {
    return dropped;
  }

  private void requireLive(String what) {
    if (dropped) {
      throw new IllegalStateException(
          "Py<" + object.typeName() + ">." + what + ": this Py was already dropped or moved");
    }
  }

  @Override
  public String toString() {
    return "Py[" + object + (dropped ? ", dropped" : "") + "]";
  }
}

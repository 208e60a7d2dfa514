package gilbook.runtime.explorer;

/**
 * What an {@link Operation} of a {@link Workload} does to the shared objects.
 *
 * <p>This enum is immutable and thread-safe.
 */
public enum OpKind {
  /** {@code Py_INCREF(x)}: one object's count goes up by one. */
  INCREF,

  /** {@code Py_DECREF(x)}: one object's count goes down by one. */
  DECREF,

  /**
   * Stores a new reference to an item inside a container, as {@code list.append(item)} does: the
   * item's count goes up by one and the container's size goes up by one, together. Two objects
   * change, so a lock per object must hold both locks at once.
   */
  STORE_REF
}

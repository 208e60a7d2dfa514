package gilbook.runtime.explorer;

/**
 * One indivisible step of a reference-count operation, as the CPU performs it.
 *
 * <p>With the GIL off, {@code Py_INCREF} and {@code Py_DECREF} on a plain (non-atomic) {@code
 * ob_refcnt} field are three steps: {@link #LOAD} the count into a thread-private register, {@link
 * #ADD} one or minus one to the register, {@link #STORE} the register back. Another thread may run
 * between any two of them. When the explorer models a lock ({@link
 * InterleavingExplorer.Builder#withLock(boolean)}), each operation is wrapped in {@link #ACQUIRE}
 * and {@link #RELEASE}, and no other thread runs in between.
 *
 * <p>This enum is immutable and thread-safe.
 */
public enum MicroStep {
  /** Takes the lock that guards the count; only present when the explorer models a lock. */
  ACQUIRE,

  /** Reads {@code ob_refcnt} into the thread's register. */
  LOAD,

  /** Adds the operation's delta to the register; memory is not touched. */
  ADD,

  /** Writes the register back to {@code ob_refcnt}; the operation is complete. */
  STORE,

  /** Gives the lock back; only present when the explorer models a lock. */
  RELEASE;

  /** Returns whether this step reads or writes the object's memory. */
  boolean touchesObject() {
    return this == LOAD || this == STORE;
  }
}

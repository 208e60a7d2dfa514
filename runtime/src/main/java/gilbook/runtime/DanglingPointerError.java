package gilbook.runtime;

/**
 * A freed object was used: its reference count had reached zero and it was deallocated, yet some
 * code still held a pointer to it. In CPython this reads freed memory; here it names the object.
 */
public final class DanglingPointerError extends SimulationError {
  private static final long serialVersionUID = 1L;

  DanglingPointerError(PyObject object, String use) {
    super(
        "dangling pointer: "
            + use
            + " "
            + object.describe()
            + ", which was freed "
            + object.freedWhere()
            + ". Some code decref'd it once too often, or kept a borrowed reference after the"
            + " owner let go. Check that every decref matches an incref or a new reference.");
  }
}

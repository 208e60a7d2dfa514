package gilbook.runtime;

import java.util.Objects;

/**
 * An object of a type implemented in C that the simulation does not look inside, such as {@code
 * _thread.lock} or {@code queue.Queue} as a bytecode interpreter ({@code gilbook.runtime.bytecode})
 * makes them: a type name and the Java object that does the work, with a reference count like any
 * object, so lists, dicts and arguments can hold it. It holds no reference to another object. Hold
 * the GIL.
 */
public final class PyNativeObject extends PyObject {
  private final String typeName;
  private final Object value;

  private PyNativeObject(String typeName, Object value) {
    this.typeName = typeName;
    this.value = value;
  }

  /**
   * A new reference to a new object of type {@code typeName} around {@code value}, in the calling
   * Python thread's interpreter.
   */
  public static PyNativeObject of(String typeName, Object value) {
    return new PyNativeObject(
        Objects.requireNonNull(typeName, "typeName must not be null"),
        Objects.requireNonNull(value, "value must not be null"));
  }

  /** The Java object behind it. Not an instruction. */
  public Object value() {
    touch("reading");
    return value;
  }

  @Override
  public String typeName() {
    return typeName;
  }

  @Override
  String reprUnchecked(int budget) {
    String r = "<" + typeName + " object>";
    return r.length() <= budget ? r : r.substring(0, Math.max(0, budget - 3)) + "...";
  }
}

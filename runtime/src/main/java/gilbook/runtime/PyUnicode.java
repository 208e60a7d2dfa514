package gilbook.runtime;

import java.util.Objects;

/** A Python {@code str}. Each call to {@link #of(String)} makes a new object. Hold the GIL. */
public final class PyUnicode extends PyObject {
  private final String value;

  private PyUnicode(String value) {
    this.value = value;
  }

  /** {@code PyUnicode_FromString}: a new reference to a new str. */
  public static PyUnicode of(String value) {
    return new PyUnicode(Objects.requireNonNull(value, "value must not be null"));
  }

  /** The Java value. Not an instruction. */
  public String value() {
    touch("reading");
    return value;
  }

  @Override
  public String typeName() {
    return "str";
  }

  @Override
  String reprUnchecked(int budget) {
    String quoted = "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    return quoted.length() <= budget
        ? quoted
        : quoted.substring(0, Math.max(0, budget - 4)) + "...'";
  }

  String valueUnchecked() {
    return value;
  }
}

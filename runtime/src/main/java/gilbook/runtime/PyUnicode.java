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
    String quoted = quote(value);
    return quoted.length() <= budget
        ? quoted
        : quoted.substring(0, Math.max(0, budget - 4)) + "...'";
  }

  /**
   * The literal {@code repr} writes, as {@code unicode_repr} does: single quotes, or double quotes
   * when the text holds a single quote and no double quote; backslashes, the quote, and the usual
   * control characters escaped.
   */
  static String quote(String value) {
    char q = value.indexOf('\'') >= 0 && value.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder sb = new StringBuilder().append(q);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c == q) {
            sb.append('\\');
          }
          sb.append(c);
        }
      }
    }
    return sb.append(q).toString();
  }

  String valueUnchecked() {
    return value;
  }
}

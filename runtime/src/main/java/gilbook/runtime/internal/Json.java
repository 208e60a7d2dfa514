package gilbook.runtime.internal;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A minimal streaming JSON writer, enough for trace exports: the runtime has no dependencies, so it
 * cannot use Jackson. The caller is responsible for well-formed nesting. Not thread-safe. Not API.
 */
public final class Json {
  private final Appendable out;
  private boolean needComma;

  public Json(Appendable out) {
    this.out = out;
  }

  public Json beginObject() {
    separator();
    write("{");
    needComma = false;
    return this;
  }

  public Json endObject() {
    write("}");
    needComma = true;
    return this;
  }

  public Json beginArray() {
    separator();
    write("[");
    needComma = false;
    return this;
  }

  public Json endArray() {
    write("]");
    needComma = true;
    return this;
  }

  /** Writes a key; the next call writes its value. */
  public Json name(String key) {
    separator();
    string(key);
    write(":");
    needComma = false;
    return this;
  }

  public Json value(String s) {
    separator();
    if (s == null) {
      write("null");
    } else {
      string(s);
    }
    needComma = true;
    return this;
  }

  public Json value(long n) {
    separator();
    write(Long.toString(n));
    needComma = true;
    return this;
  }

  public Json value(double d) {
    separator();
    write(Double.isFinite(d) ? Double.toString(d) : "null");
    needComma = true;
    return this;
  }

  public Json value(boolean b) {
    separator();
    write(b ? "true" : "false");
    needComma = true;
    return this;
  }

  public Json field(String key, String v) {
    return name(key).value(v);
  }

  public Json field(String key, long v) {
    return name(key).value(v);
  }

  public Json field(String key, double v) {
    return name(key).value(v);
  }

  public Json field(String key, boolean v) {
    return name(key).value(v);
  }

  private void separator() {
    if (needComma) {
      write(",");
      needComma = false;
    }
  }

  private void string(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    write(sb.append('"').toString());
  }

  private void write(String s) {
    try {
      out.append(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package gilbook.runtime.bytecode;

import gilbook.runtime.PyBool;
import gilbook.runtime.PyLong;
import gilbook.runtime.PyNone;
import gilbook.runtime.PyObject;
import gilbook.runtime.PySet;
import gilbook.runtime.PyTuple;
import gilbook.runtime.PyUnicode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the tuple and frozenset constants {@code dis} prints with {@code repr}: {@code (1, 'a')},
 * {@code ((1, 2), None)}, {@code ()}, {@code (1,)}, {@code frozenset({1, 2})}. The compiler folds
 * {@code x in (1, 2)}, {@code x in {1, 2}}, {@code [1, 2, 3]} and {@code {"a": 1, "b": v}}'s keys
 * into such constants. The text is read into plain Java values first, so a malformed constant makes
 * no object.
 */
final class Literals {
  private Literals() {}

  /** A frozenset's items, read but not yet made. */
  private record Frozen(List<Object> items) {}

  private static final Object NONE = new Object();

  /**
   * A new reference to the value {@code repr} prints.
   *
   * @throws IllegalArgumentException if the text is not a literal the VM can make
   */
  static PyObject parse(String repr) {
    Literals.Reader r = new Literals.Reader(repr);
    Object v = r.value();
    r.skipSpaces();
    if (r.at < repr.length()) {
      throw new IllegalArgumentException("unexpected text at " + r.at);
    }
    return make(v);
  }

  private static PyObject make(Object v) {
    if (v == NONE) {
      return PyNone.get();
    }
    if (v instanceof Boolean b) {
      return PyBool.of(b);
    }
    if (v instanceof Long n) {
      return PyLong.fromLong(n);
    }
    if (v instanceof String s) {
      return PyUnicode.of(s);
    }
    List<PyObject> items = new ArrayList<>();
    List<?> source = v instanceof Frozen f ? f.items() : (List<?>) v;
    for (Object item : source) {
      items.add(make(item));
    }
    try {
      if (v instanceof Frozen) {
        PySet set = PySet.emptyFrozen();
        items.forEach(set::addItem);
        return set;
      }
      return PyTuple.of(items);
    } finally {
      items.forEach(PyObject::decref);
    }
  }

  private static final class Reader {
    final String text;
    int at;

    Reader(String text) {
      this.text = text;
    }

    void skipSpaces() {
      while (at < text.length() && text.charAt(at) == ' ') {
        at++;
      }
    }

    boolean take(String s) {
      skipSpaces();
      if (text.startsWith(s, at)) {
        at += s.length();
        return true;
      }
      return false;
    }

    Object value() {
      skipSpaces();
      if (take("None")) {
        return NONE;
      }
      if (take("True")) {
        return true;
      }
      if (take("False")) {
        return false;
      }
      if (take("frozenset()")) {
        return new Frozen(List.of());
      }
      if (take("frozenset({")) {
        List<Object> items = items("})");
        return new Frozen(items);
      }
      if (take("(")) {
        return items(")");
      }
      if (at < text.length() && (text.charAt(at) == '\'' || text.charAt(at) == '"')) {
        return string();
      }
      int start = at;
      if (at < text.length() && text.charAt(at) == '-') {
        at++;
      }
      while (at < text.length() && Character.isDigit(text.charAt(at))) {
        at++;
      }
      if (at == start) {
        throw new IllegalArgumentException("unexpected text at " + at);
      }
      return Long.parseLong(text.substring(start, at));
    }

    List<Object> items(String close) {
      List<Object> items = new ArrayList<>();
      if (take(close)) {
        return items;
      }
      while (true) {
        items.add(value());
        if (take(close)) {
          return items;
        }
        if (!take(",")) {
          throw new IllegalArgumentException("expected ',' or '" + close + "' at " + at);
        }
        if (take(close)) {
          return items; // (1,)
        }
      }
    }

    String string() {
      char quote = text.charAt(at++);
      int start = at;
      while (at < text.length() && text.charAt(at) != quote) {
        at += text.charAt(at) == '\\' ? 2 : 1;
      }
      if (at >= text.length()) {
        throw new IllegalArgumentException("unterminated string");
      }
      return Constants.unescape(text.substring(start, at++));
    }
  }
}

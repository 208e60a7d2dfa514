package gilbook.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What {@code dict.keys()}, {@code dict.values()} and {@code dict.items()} return: a live view of a
 * dict, which owns a reference to it (as CPython's {@code dictviewobject} does) and sees later
 * changes. Not an instruction anywhere: for an interpreter loop that charges each bytecode itself.
 * Hold the GIL.
 */
public final class PyDictView extends PyObject {
  /**
   * Which view: its Python type is {@code dict_keys}, {@code dict_values} or {@code dict_items}.
   */
  public enum Kind {
    KEYS,
    VALUES,
    ITEMS
  }

  private final PyDict dict;
  private final Kind kind;

  private PyDictView(PyDict dict, Kind kind) {
    this.dict = dict;
    this.kind = kind;
  }

  /** A new reference to a new view of {@code dict}, which the view increfs. */
  public static PyDictView of(PyDict dict, Kind kind) {
    dict.incref();
    return new PyDictView(dict, kind);
  }

  /** The dict, borrowed. */
  public PyDict dict() {
    touch("reading");
    return dict;
  }

  /** Which view this is. */
  public Kind kind() {
    return kind;
  }

  /** {@code len(view)}: the dict's size. */
  public int length() {
    touch("len() of");
    return dict.itemsView().size();
  }

  /**
   * The view's items as they are now, each a new reference the caller must release: keys, values,
   * or new {@code (key, value)} tuples.
   */
  public List<PyObject> snapshot() {
    touch("iterating over");
    List<PyObject> out = new ArrayList<>();
    for (Map.Entry<PyObject, PyObject> e : dict.itemsView()) {
      out.add(
          switch (kind) {
            case KEYS -> e.getKey().incref();
            case VALUES -> e.getValue().incref();
            case ITEMS -> PyTuple.of(e.getKey(), e.getValue());
          });
    }
    return out;
  }

  @Override
  public String typeName() {
    return "dict_" + kind.name().toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  String reprUnchecked(int budget) {
    StringBuilder sb = new StringBuilder(typeName()).append("([");
    boolean first = true;
    for (Map.Entry<PyObject, PyObject> e : dict.entriesUnchecked()) {
      if (sb.length() > budget) {
        sb.append("...");
        break;
      }
      if (!first) {
        sb.append(", ");
      }
      first = false;
      String k = e.getKey().reprUnchecked(budget);
      String v = e.getValue().reprUnchecked(budget);
      sb.append(
          switch (kind) {
            case KEYS -> k;
            case VALUES -> v;
            case ITEMS -> "(" + k + ", " + v + ")";
          });
    }
    return sb.append("])").toString();
  }

  @Override
  void traverse(Consumer<PyObject> visitor) {
    visitor.accept(dict);
  }

  @Override
  void clearReferences() {
    dict.decref();
  }
}

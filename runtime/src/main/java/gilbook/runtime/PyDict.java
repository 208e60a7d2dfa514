package gilbook.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A Python {@code dict} with str, int, bool, None or tuple keys.
 *
 * <p>Reference rules: storing increfs the key and the value; {@link #getItem(PyObject)} returns a
 * borrowed reference; deleting decrefs both. Each operation is one instruction. Hold the GIL.
 */
public final class PyDict extends PyObject {
  private record Entry(PyObject key, PyObject value) {}

  private final LinkedHashMap<Object, Entry> entries = new LinkedHashMap<>();

  private PyDict() {}

  /** {@code PyDict_New()}: a new reference to a new empty dict. */
  public static PyDict empty() {
    return new PyDict();
  }

  /** {@code len(d)}. One instruction. */
  public int size() {
    instruction("len() of");
    return entries.size();
  }

  /** {@code d[key] = value}: increfs {@code value} (and {@code key} when it is new). */
  public void setItem(PyObject key, PyObject value) {
    instruction("assigning into");
    store(key, hashKey(key), value);
  }

  /** {@code d["key"] = value}, with a str key made for the dict. */
  public void setItem(String key, PyObject value) {
    instruction("assigning into");
    Entry old = entries.get(key);
    if (old != null) {
      replaceValue(key, old, value);
    } else {
      PyUnicode k = PyUnicode.of(key);
      value.incref();
      entries.put(key, new Entry(k, value));
    }
  }

  /**
   * {@code d[key]}: a borrowed reference.
   *
   * @throws PyException {@code KeyError} when the key is missing
   */
  public PyObject getItem(PyObject key) {
    instruction("indexing");
    return lookup(hashKey(key), key.reprUnchecked(40));
  }

  /** {@code d["key"]}: a borrowed reference, or {@code KeyError}. */
  public PyObject getItem(String key) {
    instruction("indexing");
    return lookup(key, "'" + key + "'");
  }

  /** {@code d.get(key)}: a borrowed reference, or {@code null} when missing. */
  public PyObject get(String key) {
    instruction("indexing");
    Entry e = entries.get(key);
    return e == null ? null : e.value;
  }

  /** {@code key in d}. One instruction. */
  public boolean containsKey(String key) {
    instruction("searching");
    return entries.containsKey(key);
  }

  /** {@code del d[key]}: decrefs the key and the value, or raises {@code KeyError}. */
  public void delItem(String key) {
    instruction("deleting from");
    Entry e = entries.remove(key);
    if (e == null) {
      throw new PyException("KeyError", "'" + key + "'");
    }
    e.key.decref();
    e.value.decref();
  }

  /** The keys as Java strings (str keys) or longs (int keys); for tests, not an instruction. */
  public List<Object> keysView() {
    touch("reading");
    return new ArrayList<>(entries.keySet());
  }

  private PyObject lookup(Object key, String shown) {
    Entry e = entries.get(key);
    if (e == null) {
      throw new PyException("KeyError", shown);
    }
    return e.value;
  }

  private void store(PyObject key, Object hashed, PyObject value) {
    Entry old = entries.get(hashed);
    if (old != null) {
      replaceValue(hashed, old, value);
      return;
    }
    key.incref();
    value.incref();
    entries.put(hashed, new Entry(key, value));
  }

  private void replaceValue(Object hashed, Entry old, PyObject value) {
    value.incref();
    entries.put(hashed, new Entry(old.key, value));
    old.value.decref();
  }

  /**
   * Equal Python keys map to equal Java keys: {@code True == 1} in Python, and so here. A tuple
   * hashes as the list of its items' keys, so it is hashable when they all are.
   */
  static Object hashKey(PyObject key) {
    if (key instanceof PyUnicode s) {
      return s.valueUnchecked();
    }
    if (key instanceof PyLong n) {
      return n.valueUnchecked();
    }
    if (key instanceof PyBool b) {
      return b.reprUnchecked(5).equals("True") ? 1L : 0L;
    }
    if (key instanceof PyNone) {
      return PyNone.class;
    }
    if (key instanceof PyTuple t) {
      List<Object> keys = new ArrayList<>();
      for (PyObject item : t.itemsView()) {
        keys.add(hashKey(item));
      }
      return keys;
    }
    throw new PyException("TypeError", "unhashable type: '" + key.typeName() + "'");
  }

  // ---------------------------------------------------------------- for bytecode interpreters

  /**
   * {@code PyDict_GetItem}: a borrowed reference, or {@code null} when {@code key} is missing. Not
   * an instruction: for an interpreter loop that charges each bytecode itself ({@code
   * gilbook.runtime.bytecode}).
   */
  public PyObject borrowItem(PyObject key) {
    touch("indexing");
    Entry e = entries.get(hashKey(key));
    return e == null ? null : e.value;
  }

  /**
   * {@code PyDict_SetItem}: increfs {@code value} (and {@code key} when it is new), decrefs a
   * replaced value. Not an instruction, like {@link #borrowItem(PyObject)}.
   */
  public void storeItem(PyObject key, PyObject value) {
    touch("assigning into");
    store(key, hashKey(key), value);
  }

  /**
   * {@code PyDict_DelItem}: removes {@code key}, decrefing the dict's references to the key and the
   * value. Not an instruction, like {@link #borrowItem(PyObject)}.
   *
   * @throws PyException {@code KeyError} when the key is missing
   */
  public void deleteItem(PyObject key) {
    touch("deleting from");
    Entry e = entries.remove(hashKey(key));
    if (e == null) {
      throw new PyException("KeyError", key.reprUnchecked(40));
    }
    e.key.decref();
    e.value.decref();
  }

  /** The entries without any check, for a view's repr. */
  List<Map.Entry<PyObject, PyObject>> entriesUnchecked() {
    List<Map.Entry<PyObject, PyObject>> out = new ArrayList<>();
    for (Entry e : entries.values()) {
      out.add(Map.entry(e.key, e.value));
    }
    return out;
  }

  /** The entries as borrowed (key, value) pairs, in insertion order. Not an instruction. */
  public List<Map.Entry<PyObject, PyObject>> itemsView() {
    touch("reading");
    List<Map.Entry<PyObject, PyObject>> out = new ArrayList<>();
    for (Entry e : entries.values()) {
      out.add(Map.entry(e.key, e.value));
    }
    return out;
  }

  @Override
  public String typeName() {
    return "dict";
  }

  @Override
  String reprUnchecked(int budget) {
    StringBuilder sb = new StringBuilder("{");
    boolean first = true;
    for (Map.Entry<Object, Entry> e : entries.entrySet()) {
      if (sb.length() > budget) {
        sb.append("...");
        break;
      }
      if (!first) {
        sb.append(", ");
      }
      first = false;
      Entry entry = e.getValue();
      sb.append(entry.key.isFreed() ? "<freed>" : entry.key.reprUnchecked(budget))
          .append(": ")
          .append(entry.value.isFreed() ? "<freed>" : entry.value.reprUnchecked(budget));
    }
    return sb.append('}').toString();
  }

  @Override
  void traverse(Consumer<PyObject> visitor) {
    for (Entry e : entries.values()) {
      visitor.accept(e.key);
      visitor.accept(e.value);
    }
  }

  @Override
  void clearReferences() {
    List<Entry> owned = new ArrayList<>(entries.values());
    entries.clear();
    for (Entry e : owned) {
      e.key.decref();
      e.value.decref();
    }
  }
}

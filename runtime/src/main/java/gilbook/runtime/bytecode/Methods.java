package gilbook.runtime.bytecode;

import static gilbook.runtime.bytecode.Values.asObject;
import static gilbook.runtime.bytecode.Values.requireArgs;

import gilbook.runtime.PyDict;
import gilbook.runtime.PyList;
import gilbook.runtime.PyNone;
import gilbook.runtime.PyObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The methods of the VM's types ({@code Objects/listobject.c}, {@code Objects/dictobject.c}), as
 * {@code LOAD_METHOD} finds them. A body's first argument is {@code self}; all are borrowed. To add
 * one, add an entry to {@link #METHODS}.
 */
final class Methods {
  private Methods() {}

  /** By type name, then method name. */
  private static final Map<String, Map<String, Callables.MethodDescriptor>> METHODS =
      new HashMap<>();

  static {
    add("list", "append", Methods::listAppend);
    add("dict", "get", Methods::dictGet);
  }

  private static void add(String type, String name, Callables.Body body) {
    METHODS
        .computeIfAbsent(type, t -> new HashMap<>())
        .put(name, new Callables.MethodDescriptor(type + "." + name, body));
  }

  /**
   * {@code owner.name} as {@code LOAD_METHOD} finds it.
   *
   * @throws PythonError {@code AttributeError} that names what the VM has for that type
   */
  static Callables.MethodDescriptor lookup(Object owner, String name) {
    String type = Values.typeName(owner);
    Map<String, Callables.MethodDescriptor> methods = METHODS.getOrDefault(type, Map.of());
    Callables.MethodDescriptor m = methods.get(name);
    if (m == null) {
      throw new PythonError(
          "AttributeError",
          "'"
              + type
              + "' object has no attribute '"
              + name
              + "' in this VM"
              + (methods.isEmpty()
                  ? " (it has no methods for " + type + ")"
                  : " (its " + type + " methods: " + new TreeSet<>(methods.keySet()) + ")"));
    }
    return m;
  }

  /** Whether {@code m} is {@code list.append}, which 3.11 specialises ({@link Quickening311}). */
  static boolean isListAppend(Callables.MethodDescriptor m) {
    return m.qualifiedName().equals("list.append");
  }

  private static Object listAppend(VmContext vm, List<Object> args, List<String> kw) {
    Builtins.noKeywords("list.append", kw);
    requireArgs("list.append", args.size() - 1, 1, 1);
    ((PyList) args.get(0)).appendItem(asObject(args.get(1)));
    return PyNone.get();
  }

  private static Object dictGet(VmContext vm, List<Object> args, List<String> kw) {
    Builtins.noKeywords("dict.get", kw);
    requireArgs("dict.get", args.size() - 1, 1, 2);
    PyObject v = ((PyDict) args.get(0)).borrowItem(asObject(args.get(1)));
    if (v == null) {
      return args.size() > 2 ? asObject(args.get(2)).incref() : PyNone.get();
    }
    return v.incref();
  }
}

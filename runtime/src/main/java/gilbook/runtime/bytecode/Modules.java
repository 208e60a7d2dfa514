package gilbook.runtime.bytecode;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The modules a listing can import: {@code threading}, {@code time} and {@code queue}. A module is
 * a VM value (no reference count; one per VM, made on first import and cached as {@code
 * sys.modules} caches it), and its attributes are the functions and types of {@link
 * ThreadingModule}, {@link TimeModule} and {@link QueueModule}.
 */
final class Modules {
  private Modules() {}

  /** A module: its name and attributes. Immutable. */
  record Module(String name, Map<String, Object> attributes) {
    Module {
      attributes = Map.copyOf(attributes);
    }

    /**
     * {@code module.attr}, as {@code LOAD_ATTR} reads it.
     *
     * @throws PythonError {@code AttributeError} naming what the VM's module has
     */
    Object attribute(String attr) {
      Object v = attributes.get(attr);
      if (v == null) {
        throw new PythonError(
            "AttributeError",
            "module '" + name + "' has no attribute '" + attr + "' in this VM; it has " + names());
      }
      return v;
    }

    /** {@code from module import attr}, as {@code IMPORT_FROM} reads it. */
    Object importFrom(String attr) {
      Object v = attributes.get(attr);
      if (v == null) {
        throw new PythonError(
            "ImportError",
            "cannot import name '"
                + attr
                + "' from '"
                + name
                + "': this VM's "
                + name
                + " has "
                + names());
      }
      return v;
    }

    private List<String> names() {
      return List.copyOf(new TreeMap<>(attributes).keySet());
    }

    @Override
    public String toString() {
      return "<module '" + name + "' (built-in)>";
    }
  }

  /**
   * {@code import name}: the module from {@code cache}, made on first use.
   *
   * @throws PythonError {@code ModuleNotFoundError} naming the modules the VM has
   */
  static Module importModule(String name, Map<String, Module> cache) {
    Module m = cache.get(name);
    if (m != null) {
      return m;
    }
    m =
        switch (name) {
          case "threading" -> ThreadingModule.module();
          case "time" -> TimeModule.module();
          case "queue" -> QueueModule.module();
          default ->
              throw new PythonError(
                  "ModuleNotFoundError",
                  "No module named '"
                      + name
                      + "' in this VM; it has the modules queue, threading and time");
        };
    cache.put(name, m);
    return m;
  }
}

package gilbook.runtime.bytecode;

import gilbook.runtime.PyException;
import gilbook.runtime.PyNativeObject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Instances of the VM's native types: {@code threading.Lock}, {@code queue.Queue} and the others
 * that {@link Modules} make. Each is a simulated object, a {@link PyNativeObject} around an {@link
 * Obj}, with a reference count, so that lists, dicts and a {@code Thread}'s arguments can hold it
 * (threads kept in a list to join them, a lock passed as an argument). Their methods are looked up
 * as {@link Methods} looks up a list's, by {@code LOAD_METHOD}, {@code LOAD_ATTR} and {@code
 * BEFORE_WITH} ({@code __enter__} / {@code __exit__}).
 */
final class Native {
  private Native() {}

  /**
   * A native type: its Python name ({@code type(x).__name__}) and its methods. Immutable.
   *
   * @param name such as {@code lock} (CPython's {@code _thread.lock}) or {@code Queue}
   */
  record Type(
      String name,
      Map<String, Callables.MethodDescriptor> methods,
      Map<String, Function<Object, Object>> attributes) {
    /** A type with {@code methods}, whose bodies get {@code self} first. */
    static Type of(String name, Map<String, Callables.Body> methods) {
      return of(name, methods, Map.of());
    }

    /**
     * A type with {@code methods} and data {@code attributes}, each read from the runtime object as
     * a new reference ({@code thread.name}).
     */
    static Type of(
        String name,
        Map<String, Callables.Body> methods,
        Map<String, Function<Object, Object>> attributes) {
      Map<String, Callables.MethodDescriptor> m = new TreeMap<>();
      methods.forEach(
          (k, body) -> m.put(k, new Callables.MethodDescriptor(name + "." + k, python(body))));
      return new Type(name, Map.copyOf(m), Map.copyOf(attributes));
    }

    /**
     * The method {@code attr}.
     *
     * @throws PythonError {@code AttributeError} naming the methods the VM has for this type
     */
    Callables.MethodDescriptor method(String attr) {
      Callables.MethodDescriptor m = methods.get(attr);
      if (m == null && attributes.containsKey(attr)) {
        throw new PythonError(
            "TypeError", "'" + name + "." + attr + "' is not a method; read it without calling it");
      }
      if (m == null) {
        throw new PythonError(
            "AttributeError",
            "'"
                + name
                + "' object has no attribute '"
                + attr
                + "' in this VM (its "
                + name
                + " methods: "
                + List.copyOf(new TreeMap<>(methods).keySet())
                + (attributes.isEmpty()
                    ? ""
                    : "; attributes: " + List.copyOf(new TreeMap<>(attributes).keySet()))
                + ")");
      }
      return m;
    }
  }

  /**
   * One instance: its type and the runtime object behind it (a {@link
   * gilbook.runtime.threading.Lock}, say). Compared by identity of the target.
   */
  record Obj(Type type, Object target) {
    @Override
    public String toString() {
      return "<" + type.name() + " object>";
    }
  }

  /**
   * {@code body}, with the runtime's exceptions ({@link PyException}: the primitives raise {@code
   * RuntimeError}, {@code ValueError}, {@code Empty}...) raised as the VM's {@link PythonError},
   * the one kind of Python exception the eval loop handles.
   */
  static Callables.Body python(Callables.Body body) {
    return (vm, args, kw) -> {
      try {
        return body.call(vm, args, kw);
      } catch (PyException e) {
        String prefix = e.type() + ": ";
        String message = e.getMessage();
        throw new PythonError(
            e.type(), message.startsWith(prefix) ? message.substring(prefix.length()) : message);
      }
    };
  }

  /** A new reference to a new instance of {@code type} around {@code target}. */
  static PyNativeObject make(Type type, Object target) {
    return PyNativeObject.of(type.name(), new Obj(type, target));
  }

  /** The instance {@code o} is, or {@code null} if it is not one. */
  static Obj of(Object o) {
    return o instanceof PyNativeObject p && p.value() instanceof Obj n ? n : null;
  }

  /** The runtime object behind {@code self}, which must be an instance of {@code type}. */
  static <T> T self(List<Object> args, Class<T> type) {
    Obj o = args.isEmpty() ? null : of(args.get(0));
    if (o != null && type.isInstance(o.target())) {
      return type.cast(o.target());
    }
    throw new PythonError(
        "TypeError",
        "a method of " + type.getSimpleName() + " called on a " + Values.typeName(args.get(0)));
  }
}

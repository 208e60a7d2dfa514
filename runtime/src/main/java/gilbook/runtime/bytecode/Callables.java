package gilbook.runtime.bytecode;

import gilbook.runtime.PyObject;
import java.util.List;

/**
 * The callables the VM pushes on its value stack. They are not simulated objects: they have no
 * reference count of their own (a bound method owns a reference to its {@code self}). Immutable.
 */
final class Callables {
  private Callables() {}

  /**
   * The keyword names of a call whose {@code KW_NAMES} dis printed without them (3.11 prints only
   * the index into {@code co_consts}). Compared by identity.
   */
  static final List<String> UNKNOWN_KW_NAMES = List.of("<keyword names not shown by dis>");

  /**
   * Whether {@code callable} can take keyword arguments whose names are unknown: {@code
   * threading.Thread}, whose parameters each take their own type (see {@link ThreadingModule}).
   */
  static boolean recoversKeywords(Object callable) {
    return callable instanceof Builtin b && b.name().equals("threading.Thread");
  }

  /**
   * A Python function of the listing: {@code MAKE_FUNCTION}, or a name the listing defines. As a
   * {@code PyFunctionObject}, it owns a reference to its {@code func_defaults} and {@code
   * func_closure} (null when it has none); it has no count of its own, so a copy increfs them and a
   * release decrefs them (see {@link Values}), as {@link BoundMethod} does with its {@code self}.
   * {@code LOAD_CONST} pushes the code object as a Function without either.
   */
  record Function(DisFunction code, PyObject defaults, PyObject closure) {
    Function(DisFunction code) {
      this(code, null, null);
    }
  }

  /** What a builtin does with its positional arguments and, last, its keyword arguments. */
  @FunctionalInterface
  interface Body {
    /**
     * Returns a new reference (or a VM value) for the call's result. The arguments are borrowed.
     *
     * @param kw the keyword names of the last {@code kw.size()} arguments
     */
    Object call(VmContext vm, List<Object> args, List<String> kw);
  }

  /** A builtin function such as {@code len}, from {@code LOAD_GLOBAL}. */
  record Builtin(String name, Body body) {}

  /**
   * A method as {@code LOAD_METHOD} pushes it, without its {@code self}: {@code list.append}. The
   * body's first argument is {@code self}.
   */
  record MethodDescriptor(String qualifiedName, Body body) {}

  /**
   * A method bound to its {@code self}, as {@code LOAD_ATTR} and {@code BEFORE_WITH} make it. Owns
   * a reference to {@code self} when it is a simulated object; {@code self} may also be a VM value,
   * such as a module.
   */
  record BoundMethod(MethodDescriptor method, Object self) {}
}

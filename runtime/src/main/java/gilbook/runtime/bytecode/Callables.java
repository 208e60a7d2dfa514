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

  /** A method bound to its {@code self}, as {@code LOAD_ATTR} makes it. Owns a reference. */
  record BoundMethod(MethodDescriptor method, PyObject self) {}
}

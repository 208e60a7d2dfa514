package gilbook.runtime.bytecode;

/** What a builtin may use of the VM that calls it. */
interface VmContext {
  /** Writes what {@code print} prints, one call per printed line with its end. */
  void print(String text);
}

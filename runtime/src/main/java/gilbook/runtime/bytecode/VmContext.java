package gilbook.runtime.bytecode;

import gilbook.runtime.PyThread;
import java.util.List;

/** What a builtin may use of the VM that calls it. */
interface VmContext {
  /** Writes what {@code print} prints, one call per printed line with its end. */
  void print(String text);

  /** Writes to stderr what CPython writes there, such as an uncaught exception's traceback. */
  void printError(String text);

  /**
   * Calls a VM callable (a function of the listing, a builtin, a bound method) with borrowed
   * positional arguments, as {@code Thread.run} and {@code Condition.wait_for} do; returns a new
   * reference to the result.
   */
  Object callObject(Object callable, List<Object> args);

  /** 1, 2, 3, ... for each {@code kind} in this VM: numbers for threads and primitives' names. */
  int nextNumber(String kind);

  /** Runs {@code action} when the VM closes, in a Python thread (a queue drops its items). */
  void atClose(Runnable action);

  /** A thread the listing started, which the run waits for before it ends, as CPython does. */
  void started(PyThread thread);
}

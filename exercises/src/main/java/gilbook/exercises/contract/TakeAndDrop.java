package gilbook.exercises.contract;

import gilbook.runtime.GilContext;
import gilbook.runtime.GilLock;

/**
 * Chapter 3, "Take and drop": the learner's own GIL, behind the runtime's {@link GilLock}. The
 * checks build each interpreter with {@code Interpreter.builder().gil(this::newGil)}, so the
 * interpreter calls the learner's {@code takeGil} and {@code dropGil} for every take and drop.
 */
public interface TakeAndDrop {
  /**
   * A new GIL for one interpreter, made from what the interpreter gives it: the clock (for the
   * mutex and condition variables), the eval breaker, the switch interval and whether forced
   * switching is on. Called once per interpreter, while it is built.
   */
  GilLock newGil(GilContext context);
}

package gilbook.runtime;

/**
 * Where a Python thread checks the eval breaker, and so where it can be asked to drop the GIL.
 *
 * <p>Between two check points a thread keeps the GIL, so everything it does there is atomic with
 * respect to other Python threads. Which policy is in force decides which races can happen.
 */
public enum EvalBreakerPolicy {
  /**
   * Before every instruction, like the tick-based GIL before Python 3.2 (and close to how often a
   * pre-3.10 interpreter could switch inside a statement).
   */
  EVERY_INSTRUCTION,

  /**
   * Only at back edges of loops and at calls, like CPython 3.10 and later ({@code JUMP_BACKWARD},
   * {@code CALL} and {@code RESUME} in 3.11). A loop body without a call is atomic.
   */
  BACK_EDGES_AND_CALLS
}

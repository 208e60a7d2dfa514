package gilbook.runtime;

/**
 * Where a Python thread checks the eval breaker, and so where it can be asked to drop the GIL.
 *
 * <p>Between two check points a thread keeps the GIL, so everything it does there is atomic with
 * respect to other Python threads. Which policy is in force decides which races can happen.
 */
public enum EvalBreakerPolicy {
  /**
   * Before every instruction, with the switch interval deciding when a drop is requested (the GIL
   * of 3.2 and later): the finest interleaving the interval allows, an upper bound on the races. It
   * is not the tick-counter GIL before 3.2, which switched every {@code sys.setcheckinterval()}
   * instructions (100 by default) whatever the time.
   */
  EVERY_INSTRUCTION,

  /**
   * Only at back edges of loops and at calls, like CPython 3.10 and later ({@code JUMP_BACKWARD},
   * {@code CALL} and {@code RESUME} in 3.11). A loop body without a call is atomic. Which
   * instructions are check points is the caller's choice ({@code Eval.backEdge()}); the bytecode
   * VM's {@code CheckPointPolicy} says which, including the 3.11 calls that stop checking once
   * specialised.
   */
  BACK_EDGES_AND_CALLS
}

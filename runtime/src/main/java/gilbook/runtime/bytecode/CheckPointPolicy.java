package gilbook.runtime.bytecode;

import gilbook.runtime.EvalBreakerPolicy;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Which bytecodes check the eval breaker, and so where a thread can be made to drop the GIL. At a
 * check point the VM calls {@code Eval.backEdge()} (an instruction, then the check), elsewhere
 * {@code Eval.instruction()}. In CPython the check ({@code CHECK_EVAL_BREAKER()}) comes at the end
 * of the instruction, after its jump or call. Immutable and thread-safe.
 */
public enum CheckPointPolicy {
  /**
   * CPython 3.11 ({@code Python/ceval.c} of v3.11.7): {@code CHECK_EVAL_BREAKER()} in {@code
   * JUMP_BACKWARD}, in {@code POP_JUMP_BACKWARD_IF_*} when the jump is taken, and at the end of
   * {@code CALL} (and its specialisations) when the callee is not a Python function; a Python
   * callee is entered without a check ({@code goto start_frame}), and its {@code RESUME} (oparg
   * &lt; 2) checks instead. {@code JUMP_FORWARD}, forward conditional jumps, {@code FOR_ITER},
   * {@code PRECALL} and returning from a Python function do not check.
   */
  PY_311("3.11"),

  /**
   * CPython 3.10 ({@code Python/ceval.c} of v3.10, where the eval breaker stopped being checked
   * before most instructions): {@code CHECK_EVAL_BREAKER()} in {@code JUMP_ABSOLUTE} (the loop's
   * back edge), in {@code POP_JUMP_IF_FALSE} / {@code POP_JUMP_IF_TRUE} whenever the jump is taken,
   * forward or backward, after every {@code CALL_FUNCTION} / {@code CALL_METHOD} / {@code
   * CALL_FUNCTION_KW} / {@code CALL_FUNCTION_EX} (including when a Python callee returns), and at
   * the top of the eval loop when a frame starts. Mapped onto 3.11 bytecode: {@code JUMP_BACKWARD},
   * every taken {@code POP_JUMP_*_IF_*}, every {@code CALL}, and {@code RESUME}. The differences
   * from 3.11 are the taken forward conditional jumps (the end of an {@code if} test, which opens
   * the seed article's reward race) and the check when a Python callee returns.
   */
  PY_310("3.10"),

  /**
   * Every instruction, like the tick-based GIL before 3.2 ({@code sys.setcheckinterval}). The
   * interpreter runs with {@link EvalBreakerPolicy#EVERY_INSTRUCTION}.
   */
  TICK("tick");

  private final String label;

  CheckPointPolicy(String label) {
    this.label = label;
  }

  /** The name used on the command line: {@code 3.11}, {@code 3.10} or {@code tick}. */
  public String label() {
    return label;
  }

  /**
   * The policy named {@code label}.
   *
   * @throws IllegalArgumentException for any other name; the message lists the names
   */
  public static CheckPointPolicy fromLabel(String label) {
    for (CheckPointPolicy p : values()) {
      if (p.label.equals(label)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "unknown check-point policy '"
            + label
            + "'; use one of "
            + Arrays.stream(values()).map(p -> p.label).collect(Collectors.joining(", ")));
  }

  /** The interpreter setting this policy needs. */
  public EvalBreakerPolicy evalBreakerPolicy() {
    return this == TICK
        ? EvalBreakerPolicy.EVERY_INSTRUCTION
        : EvalBreakerPolicy.BACK_EDGES_AND_CALLS;
  }

  /**
   * Whether {@code op} checks the eval breaker as it ran.
   *
   * @param jumped for a conditional jump, whether it jumped
   * @param pythonCallee for {@code CALL}, whether the callee is a Python function of the listing
   */
  public boolean checks(Opcode op, boolean jumped, boolean pythonCallee) {
    return switch (this) {
      case TICK -> true;
      case PY_311 ->
          switch (op) {
            case JUMP_BACKWARD, RESUME -> true;
            case POP_JUMP_BACKWARD_IF_FALSE, POP_JUMP_BACKWARD_IF_TRUE -> jumped;
            case CALL -> !pythonCallee;
            default -> false;
          };
      case PY_310 ->
          switch (op) {
            case JUMP_BACKWARD, RESUME, CALL -> true;
            case POP_JUMP_FORWARD_IF_FALSE,
                POP_JUMP_FORWARD_IF_TRUE,
                POP_JUMP_BACKWARD_IF_FALSE,
                POP_JUMP_BACKWARD_IF_TRUE ->
                jumped;
            default -> false;
          };
    };
  }

  /**
   * What the {@code dis} view says about {@code op}, or {@code null} when it is never a check
   * point.
   */
  public String describe(Opcode op) {
    if (this == TICK) {
      return "check point";
    }
    boolean always = checks(op, false, false) && checks(op, false, true);
    if (always) {
      return "check point";
    }
    if (op.isConditionalJump() && checks(op, true, false)) {
      return "check point when it jumps";
    }
    if (op == Opcode.CALL && checks(op, false, false)) {
      return "check point unless it calls a Python function (whose RESUME checks)";
    }
    return null;
  }

  @Override
  public String toString() {
    return label;
  }
}

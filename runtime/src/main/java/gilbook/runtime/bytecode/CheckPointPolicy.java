package gilbook.runtime.bytecode;

import gilbook.runtime.EvalBreakerPolicy;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Which bytecodes check the eval breaker, and so where a thread can be made to drop the GIL. At a
 * check point the VM calls {@code Eval.backEdge()} (an instruction, then the check), elsewhere
 * {@code Eval.instruction()}. In CPython the check ({@code CHECK_EVAL_BREAKER()}) comes at the end
 * of the instruction, after its jump or call. Immutable and thread-safe.
 *
 * <p>Sources for the 3.11 rules: {@code Python/ceval.c} (the {@code TARGET} named with each rule)
 * and {@code Python/specialize.c} of CPython's 3.11 branch, and {@code
 * Include/internal/pycore_code.h} of v3.11.7 ({@code QUICKENING_WARMUP_DELAY}, {@code
 * _PyCode_Warmup}). Each rule is also tested on a listing made by python3 3.11.7 ({@code
 * CheckPoints311Tests}) and was measured on it with {@code dis.dis(f, adaptive=True)}. The
 * specialisation rules are modelled in {@link Quickening311}, which says which copies of the source
 * were read; NOTES-vm311.md at the repository root has the measurements.
 */
public enum CheckPointPolicy {
  /**
   * CPython 3.11 ({@code Python/ceval.c} of v3.11.7). {@code CHECK_EVAL_BREAKER()} runs in:
   *
   * <ul>
   *   <li>{@code TARGET(JUMP_BACKWARD)} (and {@code JUMP_BACKWARD_QUICK}), always;
   *   <li>{@code TARGET(POP_JUMP_BACKWARD_IF_FALSE)}, {@code _IF_TRUE}, {@code _IF_NONE} and {@code
   *       _IF_NOT_NONE}, only when the jump is taken;
   *   <li>{@code TARGET(RESUME)} (and {@code RESUME_QUICK}) only when {@code oparg < 2}: oparg 0 is
   *       the start of a function, 1 is after a {@code yield}; 2 and 3 (after {@code yield from} /
   *       {@code await}) do not check;
   *   <li>the end of {@code TARGET(CALL)} when the callee is not a Python function; a Python callee
   *       is entered without a check ({@code goto start_frame}) and its {@code RESUME} checks
   *       instead;
   *   <li>the end of {@code TARGET(CALL_FUNCTION_EX)} ({@code f(*args)}), whatever the callee: it
   *       calls through {@code do_call_core}, so a Python callee runs in a new eval loop (whose
   *       {@code RESUME} checks too) and returns before the check;
   *   <li>most {@code PRECALL_*} specialisations, which do the call themselves, skip {@code CALL}
   *       ({@code SKIP_CALL()}) and then check ({@code PRECALL_NO_KW_STR_1}, {@code
   *       PRECALL_NO_KW_BUILTIN_O}, {@code PRECALL_BUILTIN_CLASS}, ...): for this VM the same as a
   *       check at {@code CALL}.
   * </ul>
   *
   * <p>Four specialisations skip {@code CALL} and do <em>not</em> check: {@code PRECALL_NO_KW_LEN},
   * {@code PRECALL_NO_KW_ISINSTANCE}, {@code PRECALL_NO_KW_TYPE_1} and {@code
   * PRECALL_NO_KW_LIST_APPEND}. They exist only once the code object is quickened and the {@code
   * PRECALL} has specialised, which {@link Quickening311} models; before that the generic {@code
   * PRECALL} / {@code CALL} path runs and checks. The VM asks {@link #checks(Instruction, boolean,
   * boolean)} about the opcode and, for {@code CALL}, whether its {@code PRECALL} skipped it.
   * {@code JUMP_FORWARD}, forward conditional jumps, {@code FOR_ITER}, the generic {@code PRECALL}
   * and returning from a Python function do not check.
   */
  PY_311("3.11"),

  /**
   * CPython 3.10 ({@code Python/ceval.c} of v3.10, where the eval breaker stopped being checked
   * before most instructions): {@code CHECK_EVAL_BREAKER()} in {@code JUMP_ABSOLUTE} (the loop's
   * back edge), in {@code POP_JUMP_IF_FALSE} / {@code POP_JUMP_IF_TRUE} whenever the jump is taken,
   * forward or backward, after every {@code CALL_FUNCTION} / {@code CALL_METHOD} / {@code
   * CALL_FUNCTION_KW} / {@code CALL_FUNCTION_EX} (including when a Python callee returns), and at
   * the top of the eval loop when a frame starts. Mapped onto 3.11 bytecode: {@code JUMP_BACKWARD},
   * every taken {@code POP_JUMP_*_IF_*} (3.10 tested {@code is None} with {@code IS_OP} and a
   * {@code POP_JUMP_IF_*}, so the {@code _NONE} forms count too), every {@code CALL}, and {@code
   * RESUME}. The differences from 3.11 are the taken forward conditional jumps (the end of an
   * {@code if} test, which opens the seed article's reward race) and the check when a Python callee
   * returns. 3.10 had no specialising interpreter, so no call escapes its check.
   */
  PY_310("3.10"),

  /**
   * The eval breaker checked before every instruction, under the interval-based GIL of 3.2 and
   * later (a switch is requested after the switch interval, {@code sys.setswitchinterval}). No
   * CPython release checks that often; it is the finest interleaving the switch interval allows, an
   * upper bound on the races a listing can have. It is <em>not</em> the tick-counter GIL before
   * 3.2, which released the GIL every {@code sys.setcheckinterval()} instructions (100 by default)
   * whatever the time. The interpreter runs with {@link EvalBreakerPolicy#EVERY_INSTRUCTION}.
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
   * Whether {@code op} checks the eval breaker as it ran, for an instruction whose argument does
   * not matter ({@code RESUME} is taken with oparg 0) and a {@code CALL} its {@code PRECALL} did
   * not skip.
   *
   * @param jumped for a conditional jump, whether it jumped
   * @param pythonCallee for {@code CALL}, whether the callee is a Python function of the listing
   */
  public boolean checks(Opcode op, boolean jumped, boolean pythonCallee) {
    return checks(op, 0, jumped, pythonCallee, false);
  }

  /**
   * Whether {@code in} checks the eval breaker as it ran.
   *
   * @param jumped for a conditional jump, whether it jumped
   * @param pythonCallee for {@code CALL}, whether the callee is a Python function of the listing
   * @param skipped for {@code CALL}, whether a specialised {@code PRECALL} that does not check did
   *     the call and skipped it (see {@link Quickening311}); only 3.11 has those
   */
  public boolean checks(Instruction in, boolean jumped, boolean pythonCallee, boolean skipped) {
    return checks(in.opcode(), in.arg(), jumped, pythonCallee, skipped);
  }

  private boolean checks(
      Opcode op, int arg, boolean jumped, boolean pythonCallee, boolean skipped) {
    return switch (this) {
      case TICK -> true;
      case PY_311 ->
          switch (op) {
            case JUMP_BACKWARD -> true;
            case RESUME -> arg < 2; // TARGET(RESUME): only oparg 0 (call) and 1 (yield) check
            case POP_JUMP_BACKWARD_IF_FALSE,
                POP_JUMP_BACKWARD_IF_TRUE,
                POP_JUMP_BACKWARD_IF_NONE,
                POP_JUMP_BACKWARD_IF_NOT_NONE ->
                jumped;
            case CALL -> !pythonCallee && !skipped;
            case CALL_FUNCTION_EX -> true; // TARGET(CALL_FUNCTION_EX) ends with the check
            default -> false;
          };
      case PY_310 ->
          switch (op) {
            case JUMP_BACKWARD, RESUME, CALL, CALL_FUNCTION_EX -> true;
            default -> op.isConditionalJump() && jumped;
          };
    };
  }

  /**
   * What the {@code dis} view says about {@code op}, or {@code null} when it is never a check
   * point; {@code RESUME} is described as with oparg 0.
   */
  public String describe(Opcode op) {
    return describe(op, 0);
  }

  /**
   * What the {@code dis} view says about {@code in}, or {@code null} when it is never a check point
   * (a {@code RESUME} with oparg 2 or 3 under 3.11, say).
   */
  public String describe(Instruction in) {
    return describe(in.opcode(), in.arg());
  }

  private String describe(Opcode op, int arg) {
    if (this == TICK) {
      return "check point (tick: checked before every instruction)";
    }
    boolean always = checks(op, arg, false, false, false) && checks(op, arg, false, true, false);
    if (always) {
      return "check point";
    }
    if (op.isConditionalJump() && checks(op, arg, true, false, false)) {
      return "check point when it jumps";
    }
    if (op == Opcode.CALL && this == PY_311) {
      return "check point unless it calls a Python function (whose RESUME checks) or its PRECALL"
          + " specialised to len, isinstance, type or list.append";
    }
    if (op == Opcode.CALL && checks(op, arg, false, false, false)) {
      return "check point unless it calls a Python function (whose RESUME checks)";
    }
    return null;
  }

  @Override
  public String toString() {
    return label;
  }
}

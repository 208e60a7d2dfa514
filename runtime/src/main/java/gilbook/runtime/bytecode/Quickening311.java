package gilbook.runtime.bytecode;

import java.util.HashMap;
import java.util.Map;

/**
 * CPython 3.11's specialising interpreter, as far as it moves check points: a code object is
 * quickened after a warm-up, and then each {@code PRECALL} specialises the first time it runs. Four
 * specialisations do the call themselves, skip {@code CALL} and do not check the eval breaker, so
 * once they are in place {@code len(x)}, {@code isinstance(x, t)}, {@code type(x)} and {@code
 * lst.append(x)} stop being check points. Not thread-safe: the VM's threads use it while they hold
 * the GIL, as CPython's threads share one code object.
 *
 * <p>The model, with its sources. CPython v3.11.7 itself could not be fetched here (the cpython
 * snapshot is too large for the tools), so the {@code ceval.c} and {@code specialize.c} read were
 * copies of the 3.11 branch from the code index (late 3.11: {@code specialize.c} carries the
 * GH-105840 fix of 3.11.5); {@code pycore_code.h} is the 3.11.7 header installed with python3 here;
 * and each rule below was also measured on python3 3.11.7 with {@code dis.dis(f, adaptive=True)}.
 *
 * <ul>
 *   <li>Each code object starts with {@code co_warmup = QUICKENING_INITIAL_WARMUP_VALUE}, that is
 *       {@code -QUICKENING_WARMUP_DELAY} (8); {@code _PyCode_Warmup} adds one and calls {@code
 *       _PyCode_Quicken} when it reaches 0 ({@code Include/internal/pycore_code.h}). {@code
 *       TARGET(RESUME)} and {@code TARGET(JUMP_BACKWARD)} call it ({@code Python/ceval.c}); the
 *       {@code POP_JUMP_BACKWARD_IF_*} do not. Measured: a fresh function calling {@code len} with
 *       no loop shows {@code PRECALL_NO_KW_LEN} after its 8th call, not its 7th; a {@code for} loop
 *       of 7 iterations (one RESUME, seven back jumps) quickens it, 6 do not; a {@code while x is
 *       not None} loop (a {@code POP_JUMP_BACKWARD_IF_NOT_NONE}) of 20 iterations does not.
 *   <li>{@code _PyCode_Quicken} ({@code Python/specialize.c}) turns {@code PRECALL} into {@code
 *       PRECALL_ADAPTIVE} with its counter at zero ("Make sure the adaptive counter is zero"), so
 *       {@code TARGET(PRECALL_ADAPTIVE)} calls {@code _Py_Specialize_Precall} on its next run and
 *       re-dispatches to the specialised instruction ({@code DISPATCH_SAME_OPARG()}). Measured: a
 *       loop of 8 iterations shows {@code PRECALL_NO_KW_LEN}, the 8th {@code len} being the first
 *       after quickening. The counter's backoff ({@code adaptive_counter_backoff}) only matters
 *       after a failed specialisation or a deoptimisation, see below.
 *   <li>Which specialisation ({@code specialize_c_call}, {@code specialize_class_call}, {@code
 *       specialize_method_descriptor} in {@code specialize.c}): {@code PRECALL_NO_KW_LEN} for the
 *       builtin {@code len} with one argument and no keywords; {@code PRECALL_NO_KW_ISINSTANCE} for
 *       {@code isinstance} with two; {@code PRECALL_NO_KW_TYPE_1} for {@code type} with one ({@code
 *       oparg == 1}, not a method call); {@code PRECALL_NO_KW_LIST_APPEND} for {@code list.append}
 *       loaded by {@code LOAD_METHOD}, one argument, and a {@code POP_TOP} right after the {@code
 *       CALL} (the specialisation skips that too). Their {@code TARGET}s in {@code ceval.c} end
 *       with {@code SKIP_CALL()} (or, for {@code LIST_APPEND}, a {@code JUMPBY} over {@code CALL}
 *       and {@code POP_TOP}) and {@code DISPATCH()}, with no {@code CHECK_EVAL_BREAKER()}. The
 *       other builtin specialisations ({@code PRECALL_NO_KW_STR_1}, {@code
 *       PRECALL_NO_KW_BUILTIN_O}, {@code PRECALL_BUILTIN_CLASS}, ...) end with {@code
 *       CHECK_EVAL_BREAKER()}; {@code PRECALL_PYFUNC} and {@code PRECALL_BOUND_METHOD} go on to
 *       {@code CALL}.
 * </ul>
 *
 * <p>Simplification: a {@code PRECALL} keeps the kind it specialised to on its first run after
 * quickening. A later run whose call fails that kind's guard takes the generic path ({@code
 * DEOPT_IF} goes to {@code PRECALL} then {@code CALL}, which checks), as CPython does; but the VM
 * never re-specialises it (CPython would, once the miss counter, {@code miss_counter_start}, runs
 * out, and after a failed specialisation once the backoff counter does). A {@code PRECALL} whose
 * first call after quickening is of another kind never skips {@code CALL}. The VM still runs the
 * {@code POP_TOP} that {@code PRECALL_NO_KW_LIST_APPEND} skips: one instruction more, never a check
 * point.
 */
final class Quickening311 {
  /** {@code QUICKENING_WARMUP_DELAY} in {@code Include/internal/pycore_code.h} of v3.11.7. */
  static final int QUICKENING_WARMUP_DELAY = 8;

  /** What a {@code PRECALL} specialised to, as far as check points go. */
  enum Kind {
    /** {@code PRECALL_NO_KW_LEN}: skips {@code CALL}, no check. */
    LEN,
    /** {@code PRECALL_NO_KW_ISINSTANCE}: skips {@code CALL}, no check. */
    ISINSTANCE,
    /** {@code PRECALL_NO_KW_TYPE_1}: skips {@code CALL}, no check. */
    TYPE_1,
    /** {@code PRECALL_NO_KW_LIST_APPEND}: skips {@code CALL}, no check. */
    LIST_APPEND,
    /** Any other outcome: the call checks (at {@code CALL} or in the specialisation). */
    OTHER
  }

  private final Map<DisFunction, Integer> warmup = new HashMap<>();
  private final Map<Instruction, Kind> specialised = new HashMap<>();

  /** {@code _PyCode_Warmup}: called when {@code f} runs {@code RESUME} or {@code JUMP_BACKWARD}. */
  void warmup(DisFunction f) {
    int w = warmup.getOrDefault(f, -QUICKENING_WARMUP_DELAY);
    if (w != 0) {
      warmup.put(f, w + 1);
    }
  }

  /** Whether {@code f} has been quickened. */
  boolean quickened(DisFunction f) {
    return warmup.getOrDefault(f, -QUICKENING_WARMUP_DELAY) == 0;
  }

  /**
   * Runs the {@code PRECALL} {@code precall} of {@code f} for a call of kind {@code call} (the kind
   * whose guards this call passes) and says whether it skips {@code CALL} without a check.
   */
  boolean skipsCall(DisFunction f, Instruction precall, Kind call) {
    if (!quickened(f)) {
      return false; // the unquickened PRECALL: the generic path, CALL checks
    }
    Kind k = specialised.computeIfAbsent(precall, p -> call);
    return k != Kind.OTHER && k == call;
  }
}

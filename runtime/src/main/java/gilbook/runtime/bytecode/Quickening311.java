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
 * <p>The model, with its sources (CPython v3.11.7):
 *
 * <ul>
 *   <li>Each code object starts with {@code co_warmup = -QUICKENING_WARMUP_DELAY} (8); {@code
 *       _PyCode_Warmup} adds one and quickens the code when it reaches 0 ({@code
 *       Include/internal/pycore_code.h}). It is called by {@code TARGET(RESUME)} and {@code
 *       TARGET(JUMP_BACKWARD)} in {@code Python/ceval.c}. Measured here with python3 3.11.7 and
 *       {@code dis.dis(f, adaptive=True)}: a fresh function calling {@code len} with no loop shows
 *       {@code PRECALL_NO_KW_LEN} after its 8th call, not after its 7th; a loop of 7 iterations
 *       (one RESUME, seven back jumps) quickens it, 6 do not.
 *   <li>{@code _PyCode_Quicken} turns {@code PRECALL} into {@code PRECALL_ADAPTIVE} with its
 *       counter at zero, so the next execution calls {@code _Py_Specialize_Precall} and runs the
 *       specialised instruction. Measured the same way: a loop of 8 iterations shows {@code
 *       PRECALL_NO_KW_LEN}, the 8th {@code len} having been the first after quickening. The backoff
 *       ({@code adaptive_counter_backoff}) only matters after a failed specialisation or a
 *       deoptimisation, see below.
 *   <li>Guards, as in the {@code TARGET}s: {@code PRECALL_NO_KW_LEN} needs the builtin {@code len}
 *       with one argument; {@code PRECALL_NO_KW_ISINSTANCE} {@code isinstance} with two; {@code
 *       PRECALL_NO_KW_TYPE_1} {@code type} with one; {@code PRECALL_NO_KW_LIST_APPEND} {@code
 *       list.append} loaded by {@code LOAD_METHOD} on a list, with one argument. None of them takes
 *       keywords ({@code KW_NAMES}).
 * </ul>
 *
 * <p>Simplification: a {@code PRECALL} keeps the kind it specialised to on its first run after
 * quickening. A later run whose call fails that kind's guard takes the generic path ({@code
 * DEOPT_IF} goes to {@code PRECALL} then {@code CALL}, which checks), as CPython does; but the VM
 * never re-specialises it (CPython would, after the miss counter and backoff run out). A {@code
 * PRECALL} whose first call after quickening is of another kind never skips {@code CALL}.
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

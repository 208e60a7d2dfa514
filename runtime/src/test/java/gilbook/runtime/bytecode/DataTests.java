package gilbook.runtime.bytecode;

import static gilbook.runtime.bytecode.BytecodeTests.listing;
import static gilbook.runtime.bytecode.ReadModifyWriteWindows.losesOnlyDuringWarmup;
import static gilbook.runtime.bytecode.ReadModifyWriteWindows.lost;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The VM's values, containers and operators (issue 13, section 2) on listings made by python3
 * 3.11.7 ({@code src/test/resources/bytecode/make_listings.sh}), each compared with what real
 * python3 printed for the same call ({@code data.out}, {@code extended.out}, made by the same
 * script). Every run must end without a leak.
 */
class DataTests {
  static DisRun.Result runMain(String file, long n) {
    DisRun.Result r =
        DisRun.builder(listing(file)).entry("main").threads(1).args(Map.of("n", n)).run();
    assertEquals(Map.of(), r.errors());
    assertTrue(r.shutdown().leaks().isEmpty(), r.shutdown().toString());
    return r;
  }

  /** Runs a one-function listing of {@code source}'s body in one thread: its error, or null. */
  static DisRun.Result runText(String text, Map<String, Object> args) {
    DisRun.Result r = DisRun.builder(text).threads(1).args(args).run();
    assertTrue(r.shutdown().leaks().isEmpty(), r.shutdown().toString());
    return r;
  }

  @Nested
  class AgainstCPython {
    @Test
    void tuplesSetsFormattingBuiltinsAndMethodsPrintWhatPython3Prints() {
      assertEquals(listing("data.out"), runMain("data.dis", 1234).stdout());
    }

    @Test
    void extendedArgumentsForConstantsAndJumps() {
      Listing l = Listing.parse(listing("extended.dis"));
      assertTrue(
          l.function("many").instructions().stream()
              .anyMatch(i -> i.opcode() == Opcode.EXTENDED_ARG));
      assertEquals(listing("extended.out"), runMain("extended.dis", 3).stdout());
    }

    @Test
    void everyNewOpcodeIsInTheListing() {
      Listing l = Listing.parse(listing("data.dis"));
      java.util.Set<Opcode> seen = new java.util.HashSet<>();
      l.functions().values().forEach(f -> f.instructions().forEach(i -> seen.add(i.opcode())));
      for (Opcode op :
          List.of(
              Opcode.BUILD_TUPLE,
              Opcode.BUILD_SET,
              Opcode.BUILD_CONST_KEY_MAP,
              Opcode.BUILD_STRING,
              Opcode.LIST_EXTEND,
              Opcode.SET_UPDATE,
              Opcode.UNPACK_SEQUENCE,
              Opcode.CONTAINS_OP,
              Opcode.IS_OP,
              Opcode.UNARY_NOT,
              Opcode.UNARY_NEGATIVE,
              Opcode.UNARY_INVERT,
              Opcode.UNARY_POSITIVE,
              Opcode.DELETE_SUBSCR,
              Opcode.FORMAT_VALUE,
              Opcode.JUMP_IF_FALSE_OR_POP,
              Opcode.JUMP_IF_TRUE_OR_POP)) {
        assertTrue(seen.contains(op), op + " is not in data.dis");
      }
    }
  }

  @Nested
  class CheckPoints {
    @Test
    void noNewOpcodeChecksTheEvalBreakerUnderThreeElevenOrThreeTen() {
      // 3.11's ceval.c: each of these TARGETs ends with DISPATCH(), never CHECK_EVAL_BREAKER()
      for (Opcode op :
          List.of(
              Opcode.BUILD_TUPLE,
              Opcode.BUILD_SET,
              Opcode.BUILD_CONST_KEY_MAP,
              Opcode.BUILD_STRING,
              Opcode.LIST_EXTEND,
              Opcode.SET_UPDATE,
              Opcode.UNPACK_SEQUENCE,
              Opcode.CONTAINS_OP,
              Opcode.IS_OP,
              Opcode.UNARY_NOT,
              Opcode.UNARY_NEGATIVE,
              Opcode.UNARY_INVERT,
              Opcode.UNARY_POSITIVE,
              Opcode.DELETE_SUBSCR,
              Opcode.FORMAT_VALUE,
              Opcode.JUMP_IF_FALSE_OR_POP,
              Opcode.JUMP_IF_TRUE_OR_POP,
              Opcode.EXTENDED_ARG)) {
        for (boolean jumped : new boolean[] {false, true}) {
          assertFalse(CheckPointPolicy.PY_311.checks(op, jumped, false), op + " under 3.11");
          assertFalse(CheckPointPolicy.PY_310.checks(op, jumped, false), op + " under 3.10");
        }
        assertEquals(null, CheckPointPolicy.PY_311.describe(op), op.name());
      }
    }
  }

  @Nested
  class Errors {
    /** {@code def f(x): a, b = x; return a}, as python3 3.11.7's {@code dis.dis(f)} prints it. */
    static final String UNPACK =
        "  1           0 RESUME                   0\n"
            + "  2           2 LOAD_FAST                0 (x)\n"
            + "              4 UNPACK_SEQUENCE          2\n"
            + "              8 STORE_FAST               1 (a)\n"
            + "             10 STORE_FAST               2 (b)\n"
            + "  3          12 LOAD_FAST                1 (a)\n"
            + "             14 RETURN_VALUE\n";

    @Test
    void unpackingTheWrongNumberOfValuesIsCPythonsValueError() {
      assertEquals(
          "ValueError: too many values to unpack (expected 2)",
          runText(UNPACK, Map.of("x", List.of(1000L, 2000L, 3000L))).errors().get("Thread-1"));
      assertEquals(
          "ValueError: not enough values to unpack (expected 2, got 1)",
          runText(UNPACK, Map.of("x", List.of("only"))).errors().get("Thread-1"));
      assertEquals(
          "TypeError: cannot unpack non-iterable int object",
          runText(UNPACK, Map.of("x", 5000L)).errors().get("Thread-1"));
    }

    /** {@code def f(d, k): del d[k]}, as python3 3.11.7's {@code dis.dis(f)} prints it. */
    static final String DELETE =
        "  1           0 RESUME                   0\n"
            + "  2           2 LOAD_FAST                0 (d)\n"
            + "              4 LOAD_FAST                1 (k)\n"
            + "              6 DELETE_SUBSCR\n"
            + "              8 LOAD_CONST               0 (None)\n"
            + "             10 RETURN_VALUE\n";

    @Test
    void deletingAMissingKeyIsAKeyErrorAndLeaksNothing() {
      DisRun.Result r =
          runText(DELETE, new java.util.LinkedHashMap<>(Map.of("d", Map.of("a", 1L), "k", "zz")));
      assertEquals("KeyError: 'zz'", r.errors().get("Thread-1"));
    }

    /** {@code def f(x): return f"{x:d}"}, as python3 3.11.7's {@code dis.dis(f)} prints it. */
    static final String FORMAT_D =
        "  1           0 RESUME                   0\n"
            + "  2           2 LOAD_FAST                0 (x)\n"
            + "              4 LOAD_CONST               1 ('d')\n"
            + "              6 FORMAT_VALUE             4 (with format)\n"
            + "              8 RETURN_VALUE\n";

    @Test
    void aSpecTheValueCannotTakeIsCPythonsError() {
      assertEquals(
          "ValueError: Unknown format code 'd' for object of type 'str'",
          runText(FORMAT_D, Map.of("x", "ab")).errors().get("Thread-1"));
      assertEquals(
          "TypeError: unsupported format string passed to NoneType.__format__",
          runText(FORMAT_D, java.util.Collections.singletonMap("x", null))
              .errors()
              .get("Thread-1"));
    }

    @Test
    void anUnknownMethodIsNamedWithTheOnesTheVmHas() {
      String text =
          "  1           0 RESUME                   0\n"
              + "  2           2 LOAD_FAST                0 (x)\n"
              + "              4 LOAD_METHOD              0 (casefold)\n"
              + "             26 PRECALL                  0\n"
              + "             30 CALL                     0\n"
              + "             40 RETURN_VALUE\n";
      String error = runText(text, Map.of("x", "s")).errors().get("Thread-1");
      assertTrue(
          error.startsWith("AttributeError: 'str' object has no attribute 'casefold' in this VM")
              && error.contains("join"),
          error);
    }
  }

  @Nested
  class KeywordsAndTypeTuples {
    /**
     * {@code def f(x): return sorted(x, reverse=True), list(enumerate(x, start=5))}, as python3
     * 3.11.7's {@code dis.dis(f)} prints it, with the keyword names written in, as the VM asks
     * (3.11's dis does not print them), and the result stored in a global {@code out} instead of
     * returned, as a run shows globals (STORE_GLOBAL 0 at 94). python3 returns {@code ([3, 2, 1],
     * [(5, 3), (6, 1), (7, 2)])} for {@code f([3, 1, 2])}.
     */
    static final String KEYWORDS =
        "  3           0 RESUME                   0\n"
            + "  4           2 LOAD_GLOBAL              1 (NULL + sorted)\n"
            + "             14 LOAD_FAST                0 (x)\n"
            + "             16 LOAD_CONST               1 (True)\n"
            + "             18 KW_NAMES                 2 (('reverse',))\n"
            + "             20 PRECALL                  2\n"
            + "             24 CALL                     2\n"
            + "             34 LOAD_GLOBAL              3 (NULL + list)\n"
            + "             46 LOAD_GLOBAL              5 (NULL + enumerate)\n"
            + "             58 LOAD_FAST                0 (x)\n"
            + "             60 LOAD_CONST               3 (5)\n"
            + "             62 KW_NAMES                 4 (('start',))\n"
            + "             64 PRECALL                  2\n"
            + "             68 CALL                     2\n"
            + "             78 PRECALL                  1\n"
            + "             82 CALL                     1\n"
            + "             92 BUILD_TUPLE              2\n"
            + "             94 STORE_GLOBAL             0 (out)\n"
            + "             96 LOAD_CONST               0 (None)\n"
            + "             98 RETURN_VALUE\n";

    @Test
    void sortedReverseAndEnumerateStartTakeTheirKeywords() {
      DisRun.Result r = runText(KEYWORDS, Map.of("x", List.of(3L, 1L, 2L)));
      assertEquals(Map.of(), r.errors());
      assertEquals(
          List.of(List.of(3L, 2L, 1L), List.of(List.of(5L, 3L), List.of(6L, 1L), List.of(7L, 2L))),
          r.globals().get("out")); // a run gives tuples back as lists
    }

    /**
     * {@code def g(x): return isinstance(x, (int, str))}, as python3 3.11.7's {@code dis.dis(g)}
     * prints it, the result stored in a global {@code out} instead of returned.
     */
    static final String TYPE_TUPLE =
        "  7           0 RESUME                   0\n"
            + "  8           2 LOAD_GLOBAL              1 (NULL + isinstance)\n"
            + "             14 LOAD_FAST                0 (x)\n"
            + "             16 LOAD_GLOBAL              2 (int)\n"
            + "             28 LOAD_GLOBAL              4 (str)\n"
            + "             40 BUILD_TUPLE              2\n"
            + "             42 PRECALL                  2\n"
            + "             46 CALL                     2\n"
            + "             56 STORE_GLOBAL             0 (out)\n"
            + "             58 LOAD_CONST               0 (None)\n"
            + "             60 RETURN_VALUE\n";

    @Test
    void isinstanceTakesATupleOfTypes() {
      assertEquals(true, runText(TYPE_TUPLE, Map.of("x", "s")).globals().get("out"));
      assertEquals(true, runText(TYPE_TUPLE, Map.of("x", true)).globals().get("out"));
      assertEquals(false, runText(TYPE_TUPLE, Map.of("x", List.of())).globals().get("out"));
    }
  }

  /**
   * {@code isinstance(c, int)} and {@code type(c)} in a read/modify/write window: after warm-up
   * 3.11 runs them as {@code PRECALL_NO_KW_ISINSTANCE} / {@code PRECALL_NO_KW_TYPE_1}, which skip
   * {@code CALL} and do not check, so no more update is lost; {@code abs(c)} becomes {@code
   * PRECALL_NO_KW_BUILTIN_O}, which checks, so updates are lost all along. As {@code
   * CheckPoints311Tests.TheWindow} does for {@code len}.
   */
  @Nested
  class TheWindow {
    @Test
    void isinstanceLosesOnlyDuringWarmup() {
      losesOnlyDuringWarmup("window_isinstance.dis");
    }

    @Test
    void typeLosesOnlyDuringWarmup() {
      losesOnlyDuringWarmup("window_type.dis");
    }

    @Test
    void absLosesUpdatesAllAlong() {
      for (long seed = 1; seed <= 3; seed++) {
        long shortRun = lost("window_abs.dis", 1_000, seed);
        long longRun = lost("window_abs.dis", 4_000, seed);
        assertTrue(shortRun > 100, "lost " + shortRun + " of 4000, seed " + seed);
        assertTrue(longRun > 3 * shortRun, "lost " + longRun + " of 16000, seed " + seed);
      }
    }
  }

  /**
   * Check then act on a shared dict, {@code if k not in counts: counts[k] = 1 else: counts[k] =
   * counts[k] + 1}, with tuple keys: under 3.11 nothing between the back edges checks the eval
   * breaker ({@code BUILD_TUPLE}, {@code CONTAINS_OP}, the forward jump), so 4 threads count
   * exactly; checked before every instruction they do not.
   */
  @Nested
  class CheckThenAct {
    long counted(CheckPointPolicy policy, long seed) {
      DisRun.Result r =
          DisRun.builder(listing("window_contains.dis"))
              .entry("work")
              .threads(4)
              .args(Map.of("N", 1_000L))
              .globals(Map.of("counts", Map.of()))
              .policy(policy)
              .switchInterval(Duration.ofNanos(1_000))
              .seed(seed)
              .run();
      assertEquals(Map.of(), r.errors());
      assertTrue(r.switches() > 100, "the threads must interleave, seed " + seed);
      assertTrue(r.shutdown().leaks().isEmpty(), r.shutdown().toString());
      @SuppressWarnings("unchecked")
      Map<Object, Object> counts = (Map<Object, Object>) r.globals().get("counts");
      assertEquals(List.of(0L, "key"), counts.keySet().iterator().next(), "tuple keys");
      return counts.values().stream().mapToLong(v -> (Long) v).sum();
    }

    @Test
    void isExactUnderThreeElevenAndLosesUpdatesUnderTicks() {
      boolean lost = false;
      for (long seed = 1; seed <= 3; seed++) {
        assertEquals(4_000L, counted(CheckPointPolicy.PY_311, seed), "seed " + seed);
        lost |= counted(CheckPointPolicy.TICK, seed) < 4_000L;
      }
      assertTrue(lost, "some seed must lose an update under tick");
    }
  }
}

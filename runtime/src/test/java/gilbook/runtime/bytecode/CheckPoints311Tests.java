package gilbook.runtime.bytecode;

import static gilbook.runtime.bytecode.BytecodeTests.listing;
import static gilbook.runtime.bytecode.ReadModifyWriteWindows.losesOnlyDuringWarmup;
import static gilbook.runtime.bytecode.ReadModifyWriteWindows.lost;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The 3.11 check-point rules of {@link CheckPointPolicy} and {@link Quickening311}, each on a
 * listing made by python3 3.11.7 ({@code src/test/resources/bytecode/make_listings.sh}).
 */
class CheckPoints311Tests {
  static final CheckPointPolicy PY_311 = CheckPointPolicy.PY_311;

  @Nested
  class Resume {
    /** The RESUME lines of delegate.dis: oparg 0 at the start, 2 after the yield from. */
    List<Instruction> resumes() {
      // delegate.dis holds SEND and YIELD_VALUE, which the VM does not run, so read its RESUMEs
      Matcher m =
          Pattern.compile("(?m)^\\s*(?:\\d+)?\\s+(\\d+) RESUME\\s+(\\d+)$")
              .matcher(listing("delegate.dis"));
      List<Instruction> out = new java.util.ArrayList<>();
      while (m.find()) {
        out.add(
            new Instruction(
                0,
                -1,
                false,
                Integer.parseInt(m.group(1)),
                Opcode.RESUME,
                Integer.parseInt(m.group(2)),
                "",
                -1,
                m.group()));
      }
      return out;
    }

    @Test
    void checksOnlyWhenTheOpargIsBelowTwo() {
      List<Instruction> r = resumes();
      // the module's RESUME 0, the generator's RESUME 0, and RESUME 2 after the yield from
      assertEquals(List.of(0, 0, 2), r.stream().map(Instruction::arg).toList(), r.toString());
      Instruction start = r.get(1);
      Instruction afterYieldFrom = r.get(2);
      assertTrue(PY_311.checks(start, false, false, false));
      assertFalse(PY_311.checks(afterYieldFrom, false, false, false));
      assertEquals("check point", PY_311.describe(start));
      assertNull(PY_311.describe(afterYieldFrom));
      assertTrue(CheckPointPolicy.PY_310.checks(afterYieldFrom, false, false, false));
    }
  }

  @Nested
  class PopJumpIfNone {
    @Test
    void theBackwardFormChecksWhenItJumpsAndTheForwardFormNever() {
      String view = DisView.annotate(Listing.parse(listing("chain.dis")), PY_311);
      assertTrue(
          view.lines()
              .anyMatch(
                  l -> l.contains("POP_JUMP_BACKWARD_IF_NOT_NONE") && l.contains("when it jumps")),
          view);
      assertTrue(
          view.lines()
              .noneMatch(l -> l.contains("POP_JUMP_FORWARD_IF_NONE") && l.contains(DisView.MARK)),
          view);
      Instruction back =
          Listing.parse(listing("chain.dis")).function("walk").instructions().stream()
              .filter(i -> i.opcode() == Opcode.POP_JUMP_BACKWARD_IF_NOT_NONE)
              .findFirst()
              .get();
      assertTrue(PY_311.checks(back, true, false, false));
      assertFalse(PY_311.checks(back, false, false, false));
    }

    @Test
    void theVmRunsTheLoop() {
      DisRun.Result r =
          DisRun.builder(listing("chain.dis"))
              .entry("walk")
              .threads(1)
              .args(Map.of("links", Map.of("a", "b", "b", "c"), "x", "a"))
              .run();
      assertEquals(Map.of(), r.errors());
      assertTrue(r.shutdown().leaks().isEmpty(), r.shutdown().toString());
    }
  }

  @Nested
  class Warmup {
    DisFunction work() {
      return Listing.parse(listing("window_len.dis")).function("work");
    }

    Instruction precall(DisFunction f, int n) {
      return f.instructions().stream().filter(i -> i.opcode() == Opcode.PRECALL).toList().get(n);
    }

    @Test
    void quickensOnTheEighthResumeOrBackJump() {
      Quickening311 q = new Quickening311();
      DisFunction f = work();
      for (int i = 0; i < 7; i++) {
        q.warmup(f);
      }
      assertFalse(q.quickened(f));
      assertFalse(q.skipsCall(f, precall(f, 1), Quickening311.Kind.LEN), "not yet quickened");
      q.warmup(f);
      assertTrue(q.quickened(f));
    }

    @Test
    void aPrecallKeepsTheKindOfItsFirstCallAfterQuickening() {
      Quickening311 q = new Quickening311();
      DisFunction f = work();
      for (int i = 0; i < Quickening311.QUICKENING_WARMUP_DELAY; i++) {
        q.warmup(f);
      }
      Instruction len = precall(f, 1);
      assertTrue(q.skipsCall(f, len, Quickening311.Kind.LEN));
      assertFalse(q.skipsCall(f, len, Quickening311.Kind.OTHER), "a guard miss checks");
      assertTrue(q.skipsCall(f, len, Quickening311.Kind.LEN));
      Instruction other = precall(f, 0);
      assertFalse(q.skipsCall(f, other, Quickening311.Kind.OTHER));
      assertFalse(q.skipsCall(f, other, Quickening311.Kind.LEN), "never re-specialised");
    }
  }

  /**
   * Read a global, call in the window, write it back: 4 threads, 1 µs switch interval. Before the
   * code is quickened (8 RESUMEs and back jumps, shared by the threads) the call checks, so a few
   * updates are lost while all four threads warm it up together; after that {@code len} and {@code
   * list.append} do not check and nothing more is lost, so the loss does not grow with N. {@code
   * str} keeps its check and loses updates all along.
   */
  @Nested
  class TheWindow {
    @Test
    void lenLosesOnlyDuringWarmup() {
      losesOnlyDuringWarmup("window_len.dis");
    }

    @Test
    void appendLosesOnlyDuringWarmup() {
      losesOnlyDuringWarmup("window_append.dis");
    }

    void losesAllAlong(String file) {
      for (long seed = 1; seed <= 3; seed++) {
        long shortRun = lost(file, 1_000, seed);
        long longRun = lost(file, 4_000, seed);
        assertTrue(shortRun > 100, "lost " + shortRun + " of 4000, seed " + seed);
        assertTrue(longRun > 3 * shortRun, "lost " + longRun + " of 16000, seed " + seed);
      }
    }

    @Test
    void strLosesUpdatesAllAlong() {
      losesAllAlong("window_str.dis"); // PRECALL_NO_KW_STR_1 checks
    }

    @Test
    void anAppendWhoseResultIsKeptLosesUpdatesAllAlong() {
      // no POP_TOP after the CALL: PRECALL_NO_KW_METHOD_DESCRIPTOR_O, which checks
      losesAllAlong("window_append_kept.dis");
    }

    @Test
    void aPythonCallLosesUpdatesAllAlong() {
      losesAllAlong("window_pycall.dis"); // the callee's RESUME checks
    }
  }
}

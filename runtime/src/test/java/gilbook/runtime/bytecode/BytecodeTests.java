package gilbook.runtime.bytecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The bytecode VM on real CPython 3.11 listings. The listings under {@code
 * src/test/resources/bytecode} were made by {@code make_listings.sh} there, with python3 3.11.7:
 * {@code python3 -c "import dis; dis.dis(compile(open('NAME.py').read(), 'NAME.py', 'exec'))"}.
 */
class BytecodeTests {
  static String listing(String name) {
    try (InputStream in = BytecodeTests.class.getResourceAsStream("/bytecode/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, Object> stat() {
    return Map.of("piece_count", 0L, "reward_count", 0L);
  }

  static DisRun.Result reward(String file, CheckPointPolicy policy, long intervalNanos, long seed) {
    long n = 2_000;
    return DisRun.builder(listing(file))
        .entry("process_piece")
        .threads(2)
        .args(Map.of("stat", new java.util.LinkedHashMap<>(stat()), "N", n))
        .policy(policy)
        .switchInterval(Duration.ofNanos(intervalNanos))
        .seed(seed)
        .run();
  }

  @SuppressWarnings("unchecked")
  static long count(DisRun.Result r, String key) {
    return (Long) ((Map<String, Object>) r.args().get("stat")).get(key);
  }

  @Nested
  class Parsing {
    @Test
    void readsFunctionsOffsetsTargetsAndParameters() {
      Listing l = Listing.parse(listing("reward.dis"));
      assertEquals(List.of("<module>", "process_piece"), List.copyOf(l.functions().keySet()));
      DisFunction f = l.function("process_piece");
      assertEquals(List.of("stat", "N"), f.parameterNames());
      Instruction forIter =
          f.instructions().stream().filter(i -> i.opcode() == Opcode.FOR_ITER).findFirst().get();
      assertEquals(32, forIter.offset());
      assertEquals(146, forIter.target());
      assertTrue(forIter.jumpTarget());
    }

    @Test
    void readsEveryStoredListing() {
      for (String f :
          List.of(
              "reward.dis",
              "reward_call.dis",
              "counter.dis",
              "misc.dis",
              "window_len.dis",
              "window_str.dis",
              "window_append.dis",
              "window_append_kept.dis",
              "window_pycall.dis",
              "chain.dis",
              "exceptions.dis")) {
        Listing.parse(listing(f));
      }
      assertEquals(
          "Python 3.11.7", listing("PYTHON_VERSION").strip(), "listings must come from 3.11");
    }

    @Test
    void acceptsTheShortHeaderOfDisOfAModule() {
      Listing l =
          Listing.parse(
              "Disassembly of f:\n  1           0 RESUME                   0\n"
                  + "              2 LOAD_CONST               0 (None)\n"
                  + "              4 RETURN_VALUE\n");
      assertEquals(List.of("f"), List.copyOf(l.functions().keySet()));
    }

    @Test
    void acceptsHeadersWhoseFileNameHoldsAngleBrackets() {
      // dis.dis("source") names the file "<dis>", compile(source, "<string>", "exec") names it
      // "<string>", and a comprehension's code object is "<listcomp>": headers as 3.11.7 prints.
      String body =
          "  1           0 RESUME                   0\n"
              + "              2 LOAD_CONST               0 (None)\n"
              + "              4 RETURN_VALUE\n\n";
      Listing l =
          Listing.parse(
              "Disassembly of <code object work at 0x7f74c63cd030, file \"<string>\", line 4>:\n"
                  + body
                  + "Disassembly of <code object <listcomp> at 0x7f0da4845f10,"
                  + " file \"<dis>\", line 2>:\n"
                  + body
                  + "Disassembly of <code object main at 0x7f0da4845f20,"
                  + " file \"/home/me/a>b.py\", line 7>:\n"
                  + body);
      assertEquals(List.of("work", "<listcomp>", "main"), List.copyOf(l.functions().keySet()));
    }

    @Test
    void anUnknownOpcodeNamesTheLineAndListsTheSupportedOnes() {
      ListingException e =
          assertThrows(
              ListingException.class,
              () -> Listing.parse("  1           0 RESUME  0\n              2 FROBNICATE 1\n"));
      assertEquals(2, e.line());
      assertTrue(e.getMessage().contains("FROBNICATE"), e.getMessage());
      assertTrue(e.getMessage().contains("Supported: CACHE, RESUME"), e.getMessage());
    }

    @Test
    void aThreeElevenOpcodeTheVmDoesNotRunIsNamedAsSuch() {
      ListingException e =
          assertThrows(ListingException.class, () -> Listing.parse("  1           0 MATCH_KEYS\n"));
      assertTrue(e.getMessage().contains("CPython 3.11 opcode that this VM does not run"));
      assertTrue(e.getMessage().contains("a match statement"), e.getMessage());
    }

    @Test
    void everyThreeElevenOpcodeIsRunOrRefusedWithItsConstruct() {
      for (String opname : Opcode.CPYTHON_311) {
        boolean runs =
            java.util.Arrays.stream(Opcode.values()).anyMatch(o -> o.name().equals(opname));
        assertTrue(
            runs || UnsupportedOpcodes.construct(opname) != null,
            opname + " is neither run by the VM nor refused with the construct it comes from");
      }
    }

    @Test
    void aClassStatementIsRefusedByName() {
      ListingException e =
          assertThrows(
              ListingException.class,
              () -> Listing.parse("  1           0 RESUME  0\n              2 LOAD_BUILD_CLASS\n"));
      assertEquals(2, e.line());
      assertTrue(
          e.getMessage().contains("LOAD_BUILD_CLASS is a CPython 3.11 opcode"), e.getMessage());
      assertTrue(e.getMessage().contains("a class statement"), e.getMessage());
    }

    @Test
    void aMalformedLineGivesItsLineNumber() {
      ListingException e =
          assertThrows(
              ListingException.class,
              () -> Listing.parse("  1           0 RESUME  0\n\nthis is not dis output\n"));
      assertEquals(3, e.line());
    }

    @Test
    void aListingFromThreeTenIsRefused() {
      String py310 =
          "  2           0 LOAD_GLOBAL              0 (range)\n"
              + "              2 LOAD_FAST                1 (N)\n"
              + "              4 CALL_FUNCTION            1\n";
      ListingException e = assertThrows(ListingException.class, () -> Listing.parse(py310));
      assertTrue(e.getMessage().contains("looks like Python 3.10 or earlier"), e.getMessage());
      assertEquals(3, e.line());
    }

    @Test
    void aListingFromThreeTwelveIsRefused() {
      String py312 =
          "  1           0 RESUME                   0\n              2 RETURN_CONST 0 (None)\n";
      ListingException e = assertThrows(ListingException.class, () -> Listing.parse(py312));
      assertTrue(e.getMessage().contains("3.12 or later"), e.getMessage());
    }

    @Test
    void aJumpToNowhereIsRefused() {
      ListingException e =
          assertThrows(
              ListingException.class,
              () -> Listing.parse("  1           0 JUMP_BACKWARD 1 (to 40)\n"));
      assertEquals(1, e.line());
    }
  }

  @Nested
  class TheDisView {
    @Test
    void marksTheBackEdgeTheCallAndResumeUnderThreeEleven() {
      String view = DisView.annotate(Listing.parse(listing("reward.dis")), CheckPointPolicy.PY_311);
      for (String line : view.split("\n")) {
        boolean marked = line.contains(DisView.MARK);
        if (line.contains("JUMP_BACKWARD") || line.contains("RESUME")) {
          assertTrue(marked, line);
        }
        if (line.contains("BINARY_SUBSCR")
            || line.contains("STORE_SUBSCR")
            || line.contains("POP_JUMP_FORWARD")) {
          assertTrue(!marked, line);
        }
        if (line.contains(" CALL ")) {
          assertTrue(line.contains("unless it calls a Python function"), line);
        }
      }
    }

    @Test
    void marksTheTakenForwardJumpsUnderThreeTen() {
      String view = DisView.annotate(Listing.parse(listing("reward.dis")), CheckPointPolicy.PY_310);
      assertTrue(
          view.lines()
              .anyMatch(
                  l -> l.contains("POP_JUMP_FORWARD_IF_FALSE") && l.contains("when it jumps")));
    }
  }

  @Nested
  class TheRewardCounter {
    @Test
    void plainFormIsExactForEverySeedOnThreeEleven() {
      for (long seed = 1; seed <= 20; seed++) {
        DisRun.Result r = reward("reward.dis", CheckPointPolicy.PY_311, 1_000 + seed * 900, seed);
        assertEquals(Map.of(), r.errors());
        assertEquals(4_000, count(r, "piece_count"), "seed " + seed);
        assertEquals(400, count(r, "reward_count"), "seed " + seed);
        assertTrue(r.switches() > 2, "the threads must interleave, seed " + seed);
        assertTrue(r.shutdown().leaks().isEmpty(), r.shutdown().toString());
      }
    }

    @Test
    void aCallInTheWindowLosesOrGainsRewardsOnThreeEleven() {
      boolean off = false;
      for (long seed = 1; seed <= 20; seed++) {
        DisRun.Result r = reward("reward_call.dis", CheckPointPolicy.PY_311, 1_000, seed);
        assertEquals(Map.of(), r.errors());
        assertEquals(4_000, count(r, "piece_count"), "seed " + seed);
        off |= count(r, "reward_count") != 400;
        assertTrue(r.shutdown().leaks().isEmpty(), r.shutdown().toString());
      }
      assertTrue(off, "some seed must get the rewards wrong");
    }

    @Test
    void plainFormLosesUpdatesUnderTicks() {
      boolean lost = false;
      for (long seed = 1; seed <= 10; seed++) {
        DisRun.Result r = reward("reward.dis", CheckPointPolicy.TICK, 1_000, seed);
        lost |= count(r, "piece_count") < 4_000;
      }
      assertTrue(lost, "some seed must lose an update");
    }

    @Test
    void plainFormGetsRewardsWrongUnderThreeTen() {
      boolean off = false;
      for (long seed = 1; seed <= 20; seed++) {
        DisRun.Result r = reward("reward.dis", CheckPointPolicy.PY_310, 1_000, seed);
        assertEquals(4_000, count(r, "piece_count"), "seed " + seed);
        off |= count(r, "reward_count") != 400;
      }
      assertTrue(off, "3.10 checks at the taken forward jump of the if test");
    }
  }

  @Nested
  class AGlobalCounter {
    @Test
    void isExactOnThreeEleven() {
      for (long seed = 1; seed <= 20; seed++) {
        DisRun.Result r =
            DisRun.builder(listing("counter.dis"))
                .entry("work")
                .threads(seed % 2 == 0 ? 2 : 4)
                .args(Map.of("N", 2_000L))
                .globals(Map.of("counter", 0L))
                .switchInterval(Duration.ofNanos(1_000))
                .seed(seed)
                .run();
        assertEquals((seed % 2 == 0 ? 2 : 4) * 2_000L, r.globals().get("counter"), "seed " + seed);
        assertTrue(r.shutdown().leaks().isEmpty(), r.shutdown().toString());
      }
    }

    @Test
    void losesUpdatesUnderTicks() {
      DisRun.Result r =
          DisRun.builder(listing("counter.dis"))
              .entry("work")
              .args(Map.of("N", 2_000L))
              .globals(Map.of("counter", 0L))
              .policy(CheckPointPolicy.TICK)
              .switchInterval(Duration.ofNanos(1_000))
              .seed(3)
              .run();
      assertTrue((Long) r.globals().get("counter") < 4_000L);
    }
  }

  @Nested
  class TheVm {
    @Test
    void runsCallsMethodsBuiltinsAndLoops() {
      DisRun.Result r =
          DisRun.builder(listing("misc.dis")).entry("main").threads(1).args(Map.of("N", 3L)).run();
      assertEquals(Map.of(), r.errors());
      assertEquals("total 9\n", r.stdout());
      assertTrue(r.shutdown().leaks().isEmpty(), r.shutdown().toString());
    }

    @Test
    void keywordArgumentsNeedTheirNames() {
      String text =
          "  1           0 RESUME                   0\n"
              + "              2 LOAD_GLOBAL              1 (NULL + print)\n"
              + "             14 LOAD_CONST               1 ('x')\n"
              + "             16 LOAD_CONST               2 ('!')\n"
              + "             18 KW_NAMES                 3 (('end',))\n"
              + "             20 PRECALL                  2\n"
              + "             24 CALL                     2\n"
              + "             34 RETURN_VALUE\n";
      DisRun.Result r = DisRun.builder(text).threads(1).run();
      assertEquals(Map.of(), r.errors());
      assertEquals("x!", r.stdout());
      DisRun.Result bare = DisRun.builder(text.replace(" (('end',))", "")).threads(1).run();
      assertTrue(bare.errors().get("Thread-1").contains("KW_NAMES"), bare.errors().toString());
    }

    @Test
    void eachBytecodeIsOneInstruction() {
      DisRun.Result r =
          DisRun.builder(listing("counter.dis"))
              .entry("work")
              .threads(1)
              .args(Map.of("N", 10L))
              .globals(Map.of("counter", 0L))
              .run();
      long worker =
          r.threads().stream()
              .filter(t -> t.name().equals("Thread-1"))
              .findFirst()
              .get()
              .instructions();
      long module =
          r.threads().stream()
              .filter(t -> t.name().equals("MainThread"))
              .findFirst()
              .get()
              .instructions();
      // the module code (def work) runs first, in the main thread
      assertEquals(r.instructions(), worker + module);
      assertEquals(6 + 10 * 7 + 1 + 2, worker); // set-up, 10 iterations, exit, return
    }

    @Test
    void aRunawayListingIsStoppedByTheBudget() {
      DisRun.Result r =
          DisRun.builder(listing("counter.dis"))
              .entry("work")
              .threads(1)
              .args(Map.of("N", 1_000_000L))
              .globals(Map.of("counter", 0L))
              .instructionBudget(10_000)
              .run();
      String error = r.errors().get("Thread-1");
      assertTrue(error != null && error.contains("more than 10000 instructions"), error);
      assertTrue(r.shutdown().leaks().isEmpty(), r.shutdown().toString());
    }

    /** {@code def f(x): return abs(x)}, as python3 3.11.7's {@code dis.dis(f)} prints it. */
    private static final String ABS =
        "  3           0 RESUME                   0\n"
            + "  4           2 LOAD_GLOBAL              1 (NULL + abs)\n"
            + "             14 LOAD_FAST                0 (x)\n"
            + "             16 PRECALL                  1\n"
            + "             20 CALL                     1\n"
            + "             30 RETURN_VALUE\n";

    @Test
    void abs() {
      DisRun.Result r =
          DisRun.builder(ABS).threads(1).args(Map.of("x", -1234L)).globals(Map.of()).run();
      assertEquals(Map.of(), r.errors());
      assertTrue(r.shutdown().leaks().isEmpty(), r.shutdown().toString());
    }

    @Test
    void aPythonBuiltinTheVmLacksIsNamedAndTheOthersListed() {
      DisRun.Result r =
          DisRun.builder(ABS.replace("abs", "hex")).threads(1).args(Map.of("x", 1L)).run();
      String error = r.errors().get("Thread-1");
      assertTrue(
          error.contains("NameError: name 'hex' is a Python builtin that this VM does not have")
              && error.contains("abs, ")
              && error.contains(", len, ")
              && error.contains(", print, "),
          error);
    }

    @Test
    void anUndefinedNameIsANameError() {
      DisRun.Result r =
          DisRun.builder(ABS.replace("abs", "no_such_function"))
              .threads(1)
              .args(Map.of("x", 1L))
              .run();
      assertEquals("NameError: name 'no_such_function' is not defined", r.errors().get("Thread-1"));
    }

    @Test
    void aMissingArgumentIsATypeError() {
      DisRun.Result r = DisRun.builder(listing("counter.dis")).entry("work").threads(1).run();
      assertTrue(r.errors().get("Thread-1").contains("missing required argument 'N'"));
    }
  }
}

package gilbook.runtime.bytecode.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The harness itself: it fails a case whose VM result differs from CPython's (fed deliberately
 * wrong expectations), and it reads headers as {@code bytecode/README.md} says.
 */
class ParityHarnessTests {

  private static ParityCase header(String text) {
    return ParityCase.parse(Path.of("t.py"), 1, text);
  }

  private static Path caseFile(String name) {
    return ParityTests.caseFiles().stream()
        .filter(p -> p.getFileName().toString().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static Outcome outcome(Map<String, Object> args, Map<String, Object> globals) {
    return new Outcome(args, globals, "", Map.of());
  }

  @Nested
  class WithRealRuns {
    @Test
    void aCounterThatIsOffByOneOnTheCPythonSideFails() {
      ParityTests.assumePython311();
      ParityCase c = ParityCase.read(caseFile("counter_loop.py")).get(0);
      CPythonSide.Run py = CPythonSide.run(c);
      Outcome vm = ParityHarness.vm(c, py.listing(), 1);
      assertEquals(List.of(), ParityHarness.mismatches(c, py, vm, 1, CPythonSide::eval));
      Map<String, Object> wrong = new LinkedHashMap<>(py.threaded().globals());
      wrong.put("counter", (Long) wrong.get("counter") + 1);
      CPythonSide.Run lying =
          new CPythonSide.Run(py.version(), py.listing(), py.threaded().withGlobals(wrong), null);
      List<String> m = ParityHarness.mismatches(c, lying, vm, 1, CPythonSide::eval);
      assertEquals(1, m.size(), m::toString);
      assertTrue(m.get(0).startsWith("globals differ: CPython {counter=1001}, VM"), m::toString);
    }

    @Test
    void printedOutputThatDiffersFails() {
      ParityTests.assumePython311();
      ParityCase c = ParityCase.read(caseFile("strings.py")).get(0);
      CPythonSide.Run py = CPythonSide.run(c);
      Outcome vm = ParityHarness.vm(c, py.listing(), 1);
      CPythonSide.Run lying =
          new CPythonSide.Run(
              py.version(), py.listing(), py.threaded().withStdout("hello\n"), null);
      List<String> m = ParityHarness.mismatches(c, lying, vm, 1, CPythonSide::eval);
      assertEquals(1, m.size(), m::toString);
      assertTrue(m.get(0).startsWith("printed output differ"), m::toString);
    }

    @Test
    void anUnguardedCounterInFourThreadsFailsNoLostUpdatesInTheVm() {
      // Under 3.11 `counter += 1` has no check point inside (only the back jump checks), so neither
      // side loses an update. Under `tick`, the VM checks before every instruction and, at 1 us,
      // its threads interleave inside the read / add / write: the VM side of this mismatch is
      // deterministic (seeded), and CPython's side is unchanged.
      ParityTests.assumePython311();
      ParityCase c =
          ParityCase.parse(
              caseFile("counter_loop.py"),
              0,
              "entry=work threads=4 args={\"N\": 2000} globals={\"counter\": 0}"
                  + " compare=no-lost-updates interval=1us policy=tick");
      CPythonSide.Run py = CPythonSide.run(c);
      assertEquals(Map.of("counter", 8000L), py.serial().globals());
      Outcome vm = ParityHarness.vm(c, py.listing(), 1);
      List<String> m = ParityHarness.mismatches(c, py, vm, 1, CPythonSide::eval);
      assertTrue(
          m.stream()
              .anyMatch(
                  s ->
                      s.startsWith(
                          "globals differ: CPython, one call after another {counter=8000}, VM"
                              + " (seed 1, policy tick) {counter=")),
          m::toString);
    }

    @Test
    void aFalseInvariantFailsOnBothSides() {
      ParityTests.assumePython311();
      ParityCase c =
          ParityCase.parse(
              caseFile("list_append.py"),
              0,
              "entry=collect threads=2 args={\"items\": [], \"N\": 10} compare=invariant"
                  + " expect=\"len(items) == 2 * N + 1\"");
      CPythonSide.Run py = CPythonSide.run(c);
      Outcome vm = ParityHarness.vm(c, py.listing(), 1);
      List<String> m = ParityHarness.mismatches(c, py, vm, 1, CPythonSide::eval);
      assertEquals(2, m.size(), m::toString);
      assertTrue(m.get(0).startsWith("CPython: expect="), m::toString);
      assertTrue(m.get(1).startsWith("VM (seed 1, policy 3.11): expect="), m::toString);
    }

    @Test
    void anInvariantThatRaisesIsAnError() {
      ParityTests.assumePython311();
      Outcome o = outcome(Map.of("items", List.of()), Map.of());
      IllegalStateException e =
          assertThrows(IllegalStateException.class, () -> CPythonSide.eval("nope + 1", o));
      assertTrue(e.getMessage().contains("NameError"), e.getMessage());
    }
  }

  @Nested
  class Judging {
    private final ParityCase exact = header("entry=f args={\"xs\": []}");
    private final ParityCase serial =
        header("entry=f threads=4 args={\"d\": {}} compare=no-lost-updates");

    @Test
    void exactFailsOnDifferentArgs() {
      Outcome py = outcome(Map.of("xs", List.of(1L, 2L)), Map.of());
      Outcome vm = outcome(Map.of("xs", List.of(2L, 1L)), Map.of());
      List<String> m =
          ParityHarness.mismatches(exact, new CPythonSide.Run("3.11.7", "", py, null), vm, 1, null);
      assertEquals(
          List.of("args differ: CPython {xs=[1, 2]}, VM (seed 1, policy 3.11) {xs=[2, 1]}"), m);
    }

    @Test
    void exactFailsWhenOnlyOneSideRaised() {
      Outcome py = outcome(Map.of(), Map.of());
      Outcome vm = new Outcome(Map.of(), Map.of(), "", Map.of("Thread-1", "KeyError: 'a'"));
      List<String> m =
          ParityHarness.mismatches(exact, new CPythonSide.Run("3.11.7", "", py, null), vm, 1, null);
      assertEquals(1, m.size(), m::toString);
      assertTrue(m.get(0).startsWith("exceptions by thread differ"), m::toString);
    }

    @Test
    void noLostUpdatesIgnoresDictOrderButNotALostKey() {
      Map<String, Object> d1 = new LinkedHashMap<>(Map.of("a", 1L));
      d1.put("b", 2L);
      Map<String, Object> d2 = new LinkedHashMap<>(Map.of("b", 2L));
      d2.put("a", 1L);
      Outcome one = outcome(Map.of("d", d1), Map.of());
      Outcome other = outcome(Map.of("d", d2), Map.of());
      CPythonSide.Run py = new CPythonSide.Run("3.11.7", "", other, one);
      assertEquals(List.of(), ParityHarness.mismatches(serial, py, other, 1, null));
      Outcome lost = outcome(Map.of("d", Map.of("a", 1L)), Map.of());
      assertEquals(1, ParityHarness.mismatches(serial, py, lost, 1, null).size());
    }

    @Test
    void noLostUpdatesBlamesACaseThatDependsOnTheScheduleOnCPython() {
      Outcome ok = outcome(Map.of("d", Map.of("a", 1L)), Map.of());
      Outcome lost = outcome(Map.of("d", Map.of()), Map.of());
      List<String> m =
          ParityHarness.mismatches(
              serial, new CPythonSide.Run("3.11.7", "", lost, ok), ok, 1, null);
      assertEquals(1, m.size(), m::toString);
      assertTrue(m.get(0).startsWith("the case depends on the schedule on CPython itself"));
    }

    @Test
    void aCaseWhoseModuleAssignsDataIsRefused() {
      Outcome o = outcome(Map.of(), Map.of("counter", 1L));
      List<String> m =
          ParityHarness.mismatches(
              exact, new CPythonSide.Run("3.11.7", "", o, null, List.of("counter")), o, 1, null);
      assertEquals(1, m.size(), m::toString);
      assertTrue(m.get(0).startsWith("the module's own code assigns [counter]"), m::toString);
    }

    @Test
    void invariantFailsOnTheSideWhereItIsFalse() {
      ParityCase c = header("entry=f threads=2 compare=invariant expect=\"x < 3\"");
      Outcome py = outcome(Map.of(), Map.of("x", 1L));
      Outcome vm = outcome(Map.of(), Map.of("x", 5L));
      List<String> m =
          ParityHarness.mismatches(
              c,
              new CPythonSide.Run("3.11.7", "", py, null),
              vm,
              2,
              (expr, o) -> (Long) o.globals().get("x") < 3);
      assertEquals(1, m.size(), m::toString);
      assertTrue(m.get(0).startsWith("VM (seed 2, policy 3.11): expect=\"x < 3\" is false"));
    }
  }

  @Nested
  class Headers {
    @Test
    void readsJsonValuesWithSpacesAndQuotedExpressions() {
      ParityCase c =
          header(
              "entry=work threads=4 args={\"stat\": {\"a b\": [1, 2]}, \"N\": 3}"
                  + " compare=invariant expect=\"stat['a b'] != [] and N == 3\" interval=1us"
                  + " seeds=2..5 policy=3.10");
      assertEquals("work", c.entry());
      assertEquals(4, c.threads());
      assertEquals(Map.of("stat", Map.of("a b", List.of(1L, 2L)), "N", 3L), c.args());
      assertEquals("stat['a b'] != [] and N == 3", c.expect());
      assertEquals(1e-6, c.intervalSeconds());
      assertEquals(2, c.firstSeed());
      assertEquals(5, c.lastSeed());
      assertEquals("3.10", c.policy().label());
      assertFalse(c.module());
    }

    @Test
    void defaultsToOneThreadExactComparisonAt5msSeed1() {
      ParityCase c = header("entry=f");
      assertEquals(1, c.threads());
      assertEquals(ParityCase.Compare.EXACT, c.compare());
      assertEquals(0.005, c.intervalSeconds());
      assertEquals(1, c.lastSeed());
      assertEquals(Map.of(), c.globals());
    }

    @Test
    void refusesSeveralThreadsWithoutACompareMode() {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> header("entry=f threads=2"));
      assertTrue(e.getMessage().contains("threads>1 needs compare="), e.getMessage());
    }

    @Test
    void refusesAnUnknownKeyAnInvariantWithoutExpectAndBadJson() {
      assertThrows(IllegalArgumentException.class, () -> header("entry=f thread=2"));
      assertThrows(IllegalArgumentException.class, () -> header("entry=f compare=invariant"));
      assertThrows(IllegalArgumentException.class, () -> header("entry=f expect=\"x\""));
      assertThrows(IllegalArgumentException.class, () -> header("entry=f args={\"N\": }"));
      assertThrows(IllegalArgumentException.class, () -> header("threads=1"));
    }

    @Test
    void everyCaseFileHasReadableHeaders() {
      for (Path f : ParityTests.caseFiles()) {
        assertFalse(ParityCase.read(f).isEmpty(), f.toString());
      }
    }
  }

  @Nested
  class Json {
    @Test
    void roundTripsTheValuesDisRunReturns() {
      Map<Object, Object> m = new LinkedHashMap<>();
      m.put(1L, List.of("a\"b\n", true));
      m.put("k", null);
      assertEquals("{\"1\":[\"a\\\"b\\n\",true],\"k\":null}", ParityJson.write(m));
      Map<String, Object> back = new LinkedHashMap<>();
      back.put("1", List.of("a\"b\n", true));
      back.put("k", null);
      assertEquals(back, ParityJson.normalise(m));
      assertEquals(List.of(-3L, 2.5, "\u00e9"), ParityJson.read("[-3, 2.5, \"\\u00e9\"]"));
    }
  }
}

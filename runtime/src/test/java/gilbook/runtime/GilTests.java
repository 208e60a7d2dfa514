package gilbook.runtime;

import static gilbook.runtime.Runs.COST;
import static gilbook.runtime.Runs.INTERVAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GilTests {

  @Nested
  class MutualExclusion {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void noTwoHoldsOverlapInVirtualTimeUnderStress(long seed) {
      try (Interpreter interp =
          Runs.virtual(seed)
              .jitter(0.5)
              .cores(4)
              .switchInterval(Duration.ofNanos(100_000))
              .build()) {
        for (int t = 0; t < 6; t++) {
          int id = t;
          interp.start(
              "T" + t,
              () ->
                  Eval.loop(
                      30_000,
                      i -> {
                        Eval.instruction();
                        if (i % 5_000 == id) {
                          Work.io(Duration.ofNanos(300_000));
                        }
                      }));
        }
        interp.awaitThreads();

        List<Trace.Hold> holds = interp.trace().holds();
        holds.sort((a, b) -> Long.compare(a.start(), b.start()));
        for (int i = 1; i < holds.size(); i++) {
          assertTrue(
              holds.get(i).start() >= holds.get(i - 1).end(),
              "hold " + holds.get(i) + " began before " + holds.get(i - 1) + " ended");
        }
        assertEquals(0, interp.exclusionViolations());
        assertTrue(holds.size() > 50, "expected many hand-overs, got " + holds.size());
      }
    }

    @Test
    void realThreadsNeverLoseAnUpdateInsideOneLoopBody() {
      int threads = 4;
      // Each thread loops until the GIL has changed hands this often, so the threads contend for
      // it by construction. A fixed number of iterations could end before the OS ever let a
      // second thread ask for the GIL, and the test would then prove nothing.
      long handOvers = 10L * threads;
      int[] counter = {0};
      long[] increments = new long[threads];
      try (Interpreter interp = Runs.real().switchInterval(Duration.ofNanos(50_000)).build()) {
        for (int t = 0; t < threads; t++) {
          int id = t;
          interp.start(
              "T" + t,
              () -> {
                while (interp.gil().switchNumber() < handOvers) {
                  // Under the back-edge policy this read-modify-write is atomic: only a broken
                  // GIL could let another thread in between.
                  int v = counter[0];
                  Eval.instruction();
                  counter[0] = v + 1;
                  increments[id]++;
                  Eval.backEdge();
                }
              });
        }
        interp.awaitThreads();
        Runs.assertClean(interp);
        long made = java.util.Arrays.stream(increments).sum();
        assertEquals(
            made,
            counter[0],
            "the threads made "
                + made
                + " increments, "
                + java.util.Arrays.toString(increments)
                + ", but the counter shows "
                + counter[0]
                + ": an update was lost");
        assertEquals(0, interp.exclusionViolations(), interp.firstExclusionViolation());
      }
    }
  }

  @Nested
  class DropRequests {

    @Test
    void aWaiterSetsTheDropRequestExactlyOneIntervalAfterItStartsWaiting() {
      try (Interpreter interp = Runs.virtual(1).build()) {
        Runs.startFirst(interp, "A", Runs.spin(400_000), "B", Runs.spin(10)); // A: 20 ms

        TraceEvent firstRequest = interp.trace().events(TraceEvent.Kind.DROP_REQUEST).get(0);
        TraceEvent bWaits = Runs.events(interp, TraceEvent.Kind.TAKE_REQUEST, "B").get(0);
        assertEquals("B", firstRequest.thread());
        assertEquals(bWaits.time() + INTERVAL, firstRequest.time());
      }
    }

    @Test
    void noDropRequestWhenTheSwitchNumberMovedDuringTheWait() {
      // A holds the GIL and, at 3 ms, blocks in I/O for a long time: one of the waiters B and C
      // takes the GIL then. The other one's wait times out at 5 ms, but the switch number has
      // moved, so it must wait a whole new interval before asking for a drop.
      try (Interpreter interp = Runs.virtual(7).build()) {
        interp.start(
            "A",
            () -> {
              interp.start("B", Runs.spin(400_000));
              interp.start("C", Runs.spin(400_000));
              Eval.loop(60_000, i -> {}); // 3 ms
              Work.io(Duration.ofMillis(100));
            });
        interp.awaitThreads();

        long aDropsAt = Runs.events(interp, TraceEvent.Kind.DROP, "A").get(0).time();
        TraceEvent firstRequest = interp.trace().events(TraceEvent.Kind.DROP_REQUEST).get(0);
        assertEquals(3_000_000, aDropsAt);
        assertNotEquals("A", firstRequest.thread());
        assertEquals(INTERVAL * 2, firstRequest.time(), "the first request comes at 10 ms");
      }
    }

    @Test
    void theHolderDropsAtItsNextBackEdgeNotBefore() {
      int bodyInstructions = 100;
      long iteration = (bodyInstructions + 1) * COST; // the body and its back edge
      try (Interpreter interp = Runs.virtual(1).build()) {
        Runs.startFirst(
            interp,
            "A",
            () -> Eval.loop(2_000, i -> Eval.instructions(bodyInstructions)),
            "B",
            Runs.spin(10));

        long requestAt = interp.trace().events(TraceEvent.Kind.DROP_REQUEST).get(0).time();
        long expected = (requestAt / iteration + 1) * iteration; // the first back edge after it
        TraceEvent drop = Runs.events(interp, TraceEvent.Kind.DROP, "A").get(0);
        assertEquals("drop request", drop.detail());
        assertEquals(expected, drop.time());
        assertTrue(drop.time() - requestAt > 10 * COST, "the loop body ran on past the request");
      }
    }

    @Test
    void underEveryInstructionTheHolderDropsBeforeItsNextInstruction() {
      try (Interpreter interp =
          Runs.virtual(1).evalBreakerPolicy(EvalBreakerPolicy.EVERY_INSTRUCTION).build()) {
        Runs.startFirst(
            interp, "A", () -> Eval.loop(2_000, i -> Eval.instructions(100)), "B", Runs.spin(10));

        long requestAt = interp.trace().events(TraceEvent.Kind.DROP_REQUEST).get(0).time();
        long dropAt = Runs.events(interp, TraceEvent.Kind.DROP, "A").get(0).time();
        assertEquals((requestAt / COST + 1) * COST, dropAt);
      }
    }
  }

  @Nested
  class ForcedSwitching {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void withForcingTheDropperNeverRetakesBeforeAnotherThreadHasTakenIt(long seed) {
      try (Interpreter interp = Runs.virtual(seed).jitter(0.3).build()) {
        for (int t = 0; t < 3; t++) {
          interp.start("T" + t, Runs.spin(1_000_000));
        }
        interp.awaitThreads();

        List<String> violations = retakesAfterRequestedDrops(interp);
        assertTrue(violations.isEmpty(), "the dropper took the GIL back first: " + violations);
        assertTrue(interp.trace().events(TraceEvent.Kind.FORCED_SWITCH_WAIT).size() > 10);
      }
    }

    @Test
    void withoutForcingTheDropperCanWinTheRaceAndRetake() {
      try (Interpreter interp = Runs.virtual(1).forceSwitching(false).build()) {
        Runs.startFirst(interp, "A", Runs.spin(400_000), "B", Runs.spin(10));

        assertFalse(retakesAfterRequestedDrops(interp).isEmpty());
        assertTrue(interp.trace().events(TraceEvent.Kind.FORCED_SWITCH_WAIT).isEmpty());
      }
    }

    /** Drops on request that were followed by a take by the same thread. */
    private List<String> retakesAfterRequestedDrops(Interpreter interp) {
      List<TraceEvent> events = interp.trace().events();
      List<String> retakes = new java.util.ArrayList<>();
      for (int i = 0; i < events.size(); i++) {
        TraceEvent e = events.get(i);
        if (e.kind() != TraceEvent.Kind.DROP || !e.detail().equals("drop request")) {
          continue;
        }
        for (int j = i + 1; j < events.size(); j++) {
          if (events.get(j).kind() == TraceEvent.Kind.TAKE) {
            if (events.get(j).thread().equals(e.thread())) {
              retakes.add(e.toString().trim());
            }
            break;
          }
        }
      }
      return retakes;
    }
  }

  @Nested
  class SwitchCadence {

    @ParameterizedTest
    @ValueSource(longs = {1_000_000, 5_000_000, 20_000_000})
    void twoCpuBoundThreadsAlternateWithAMeanRunOfOneInterval(long interval) {
      try (Interpreter interp =
          Runs.virtual(3).switchInterval(Duration.ofNanos(interval)).build()) {
        long iterations = 12 * interval / COST;
        interp.start("A", Runs.spin(iterations));
        interp.start("B", Runs.spin(iterations));
        interp.awaitThreads();

        List<Trace.Hold> holds = Runs.innerHolds(interp);
        assertTrue(holds.size() >= 10, "expected at least 10 switches, got " + holds.size());
        double mean = holds.stream().mapToLong(Trace.Hold::length).average().orElseThrow();
        assertTrue(
            mean >= interval && mean <= interval + COST,
            "mean run " + mean + " ns, expected " + interval + " ns within one instruction");
        for (int i = 1; i < holds.size(); i++) {
          assertNotEquals(holds.get(i - 1).thread(), holds.get(i).thread(), "runs must alternate");
        }
      }
    }

    @Test
    void anIoThreadBesideACpuThreadWaitsAboutOneIntervalPerIo() {
      int ios = 20;
      try (Interpreter interp = Runs.virtual(5).build()) {
        interp.start("cpu", Runs.spin(4_000_000));
        interp.start(
            "io",
            () -> {
              for (int i = 0; i < ios; i++) {
                Work.io(Duration.ofMillis(1));
              }
            });
        interp.awaitThreads();

        List<TraceEvent> requests = Runs.events(interp, TraceEvent.Kind.TAKE_REQUEST, "io");
        List<TraceEvent> takes = Runs.events(interp, TraceEvent.Kind.TAKE, "io");
        assertEquals(ios + 1, takes.size());
        for (int i = 1; i < takes.size(); i++) {
          long waited = takes.get(i).time() - requests.get(i).time();
          assertTrue(
              waited >= INTERVAL && waited <= INTERVAL + COST,
              "I/O " + i + " waited " + waited + " ns for the GIL; expected one interval");
        }
        ThreadStats io = interp.threadStats("io");
        assertEquals(ios * Duration.ofMillis(1).toNanos(), io.blocked());
      }
    }
  }

  @Nested
  class ConvoyEffect {

    @Test
    void sleepZeroBesideACpuThreadCostsAWholeInterval() {
      // time.sleep(0) drops the GIL for one system call; the waiting CPU thread takes it, and
      // the sleeper must then wait a whole interval to get it back: the convoy effect.
      int calls = 10;
      try (Interpreter interp = Runs.virtual(2).build()) {
        Runs.startFirst(
            interp,
            "sleeper",
            () -> {
              for (int i = 0; i < calls; i++) {
                Work.sleep(java.time.Duration.ZERO);
              }
            },
            "cpu",
            Runs.spin(2_000_000));
        ThreadStats sleeper = interp.threadStats("sleeper");
        double perCall = (double) (sleeper.ended() - sleeper.started()) / calls;
        assertTrue(
            perCall >= INTERVAL && perCall <= INTERVAL + 100_000,
            "each sleep(0) round trip took " + perCall + " ns; expected about one interval");
      }
    }

    @Test
    void withoutSystemCallLatencyItIsARaceTheSeedDecides() {
      // With a zero-cost sleep, the sleeper and the woken CPU thread are ready at the same
      // instant; the seeded tie-break decides who gets the GIL, so some seeds let the sleeper win.
      int quick = 0;
      int slow = 0;
      for (long seed = 1; seed <= 12; seed++) {
        try (Interpreter interp =
            Runs.virtual(seed).syscallLatency(java.time.Duration.ZERO).build()) {
          Runs.startFirst(
              interp,
              "sleeper",
              () -> Work.sleep(java.time.Duration.ZERO),
              "cpu",
              Runs.spin(200_000));
          ThreadStats sleeper = interp.threadStats("sleeper");
          if (sleeper.ended() - sleeper.started() < INTERVAL) {
            quick++;
          } else {
            slow++;
          }
        }
      }
      assertTrue(quick > 0 && slow > 0, "quick " + quick + ", slow " + slow);
    }
  }

  @Nested
  class Determinism {

    private String runWith(long seed) {
      try (Interpreter interp = Runs.virtual(seed).jitter(0.5).build()) {
        interp.start("A", Runs.spin(200_000));
        interp.start("B", Runs.spin(200_000));
        interp.start(
            "C",
            () ->
                Eval.loop(
                    40,
                    i -> {
                      Work.io(Duration.ofNanos(700_000));
                      Eval.instructions(50);
                    }));
        interp.awaitThreads();
        return interp.trace().toJson();
      }
    }

    @Test
    void theSameSeedGivesAnIdenticalTraceEventForEvent() {
      assertEquals(runWith(11), runWith(11));
    }

    @Test
    void anotherSeedGivesAnotherTrace() {
      assertNotEquals(runWith(11), runWith(12));
    }
  }
}

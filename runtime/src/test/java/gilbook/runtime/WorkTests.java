package gilbook.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkTests {
  private static final long MS = 1_000_000;

  @Test
  void cpuWorkCostsVirtualTimeNotRealTime() {
    Duration hour = Duration.ofHours(1);
    long realStart = System.nanoTime();
    try (Interpreter interp = Runs.virtual(1).build()) {
      interp.run(() -> Work.cpu(hour));
      ThreadStats main = interp.threadStats("MainThread");
      assertEquals(hour.toNanos(), main.cpuWithGil());
      assertEquals(hour.toNanos(), main.ended());
    }
    // Not a speed budget: work that cost real time would have taken the whole hour it charged, so
    // this bound holds on any machine under any load unless Work.cpu spins for real.
    Duration real = Duration.ofNanos(System.nanoTime() - realStart);
    assertTrue(
        real.compareTo(hour) < 0, "an hour of virtual CPU work took " + real + " of real time");
  }

  @Test
  void cpuWorkHoldingTheGilStopsOtherThreadsAndIsRecordedAsSuch() {
    try (Interpreter interp = Runs.virtual(1).build()) {
      Runs.startFirst(
          interp, "holder", () -> Work.cpu(Duration.ofMillis(50)), "waiter", Runs.spin(10));
      // No check point inside Work.cpu: the waiter's drop requests go unanswered for 50 ms.
      assertEquals(50 * MS, interp.threadStats("holder").cpuWithGil());
      assertEquals(50 * MS, interp.threadStats("waiter").waited());
      assertEquals(10, interp.threadStats("waiter").dropRequestsCaused());
    }
  }

  @ParameterizedTest
  @CsvSource({"1, 4", "2, 2", "4, 1"})
  void cpuWorkWithoutTheGilShareTheSimulatedCores(int cores, int expectedRounds) {
    try (Interpreter interp = Runs.virtual(1).cores(cores).build()) {
      for (int t = 0; t < 4; t++) {
        interp.start("T" + t, () -> Eval.allowThreads(() -> Work.cpu(Duration.ofMillis(10))));
      }
      interp.awaitThreads();
      long makespan =
          interp.threadStats().stream().mapToLong(ThreadStats::ended).max().orElseThrow();
      assertEquals(expectedRounds * 10 * MS, makespan);
      for (ThreadStats s : interp.threadStats()) {
        assertEquals(10 * MS, s.ranWithoutGil());
        assertEquals(0, s.cpuWithGil());
      }
    }
  }

  @Test
  void aHashAboveTheThresholdReleasesTheGilAndRunsInParallel() {
    long big = 64L << 20;
    try (Interpreter interp = Runs.virtual(1).cores(2).build()) {
      interp.start("h1", () -> Work.call(NativeFunction.SHA256, big));
      interp.start("h2", () -> Work.call(NativeFunction.SHA256, big));
      interp.awaitThreads();
      long one = NativeFunction.SHA256.costNanos(big);
      for (ThreadStats s : interp.threadStats()) {
        assertEquals(one, s.ranWithoutGil());
        assertTrue(s.ended() <= one + MS, "the two hashes overlapped: " + s);
      }
    }
  }

  @Test
  void aHashAtOrBelowTheThresholdKeepsTheGilAndRunsOneAtATime() {
    int calls = 2_000;
    try (Interpreter interp = Runs.virtual(1).cores(2).build()) {
      for (String name : new String[] {"h1", "h2"}) {
        interp.start(name, () -> Eval.loop(calls, i -> Work.call(NativeFunction.SHA256, 2047)));
      }
      interp.awaitThreads();
      long one = NativeFunction.SHA256.costNanos(2047);
      long makespan =
          interp.threadStats().stream().mapToLong(ThreadStats::ended).max().orElseThrow();
      assertTrue(makespan >= 2L * calls * one, "serialised by the GIL: " + makespan);
      for (ThreadStats s : interp.threadStats()) {
        assertEquals(0, s.ranWithoutGil());
        assertEquals(calls * one, s.cpuWithGil());
      }
    }
  }

  @Test
  void ioReleasesTheGilAndCountsAsBlocked() {
    try (Interpreter interp = Runs.virtual(1).build()) {
      interp.run(() -> Work.io(Duration.ofMillis(3)));
      ThreadStats main = interp.threadStats("MainThread");
      assertEquals(3 * MS, main.blocked());
      assertEquals(2, main.acquisitions(), "taken at start, and again after the I/O");
      TraceEvent drop = interp.trace().events(TraceEvent.Kind.DROP).get(0);
      assertEquals("io", drop.detail());
    }
  }

  @Test
  void badDurationsAreRejectedWithTheirName() {
    try (Interpreter interp = Runs.virtual(1).build()) {
      IllegalArgumentException error =
          org.junit.jupiter.api.Assertions.assertThrows(
              IllegalArgumentException.class,
              () -> interp.run(() -> Work.cpu(Duration.ofMillis(-1))));
      assertTrue(error.getMessage().contains("Work.cpu needs a duration >= 0"));
    }
  }
}

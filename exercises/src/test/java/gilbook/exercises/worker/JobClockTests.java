package gilbook.exercises.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The worker's time limit leaves out the time other programs kept the job waiting, and nothing
 * else. Driven by a hand-set wall clock and hand-set run-queue waits, so it is exact.
 */
class JobClockTests {
  private static final long MS = 1_000_000;

  /** A wall clock and per-thread wait totals that the test moves by hand. */
  private static final class Machine {
    long now = 1_000 * MS;
    final Map<String, Long> waits = new HashMap<>();

    JobClock clock() {
      return new JobClock(() -> now, () -> Map.copyOf(waits));
    }

    void pass(long millis) {
      now += millis * MS;
    }

    void wait(String thread, long millis) {
      waits.merge(thread, millis * MS, Long::sum);
    }
  }

  @Nested
  class OnAQuietMachine {
    @Test
    void timeIsWallTime() {
      Machine m = new Machine();
      JobClock clock = m.clock();
      m.pass(100);
      assertEquals(100 * MS, clock.tick());
      m.pass(250);
      assertEquals(350 * MS, clock.tick());
    }

    @Test
    void waitsBeforeTheJobBeganDoNotCount() {
      Machine m = new Machine();
      m.wait("main", 5_000); // a slow JVM start-up
      JobClock clock = m.clock();
      m.pass(100);
      assertEquals(100 * MS, clock.tick());
    }

    @Test
    void withoutSchedulerStatisticsItIsTheWallClock() {
      Machine m = new Machine();
      JobClock clock = new JobClock(() -> m.now, Map::of);
      m.pass(400);
      assertEquals(400 * MS, clock.tick());
    }
  }

  @Nested
  class OnABusyMachine {
    @Test
    void aThreadKeptWaitingGetsOnlyTheTimeItRan() {
      Machine m = new Machine();
      JobClock clock = m.clock();
      m.pass(600);
      m.wait("main", 500); // ran 100 ms of the 600
      assertEquals(100 * MS, clock.tick());
    }

    @Test
    void theLongestWaitOfAnyThreadIsLeftOutNotTheirSum() {
      Machine m = new Machine();
      JobClock clock = m.clock();
      m.pass(100);
      m.wait("main", 60);
      m.wait("compiler", 30);
      m.wait("gc", 50);
      assertEquals(40 * MS, clock.tick());
    }

    @Test
    void aThreadBornDuringATickCountsAllItsWait() {
      Machine m = new Machine();
      JobClock clock = m.clock();
      m.pass(100);
      m.wait("new-thread", 70);
      assertEquals(30 * MS, clock.tick());
    }

    @Test
    void aThreadThatEndedStopsCounting() {
      Machine m = new Machine();
      m.wait("short-lived", 10);
      JobClock clock = m.clock();
      m.waits.remove("short-lived");
      m.pass(100);
      assertEquals(100 * MS, clock.tick());
    }

    @Test
    void timeNeverRunsBackwardsEvenIfTheWaitsExceedTheTick() {
      Machine m = new Machine();
      JobClock clock = m.clock();
      m.pass(100);
      assertEquals(100 * MS, clock.tick());
      m.pass(10);
      m.wait("main", 50); // the statistics lag the tick a little
      assertEquals(100 * MS, clock.tick());
    }
  }
}

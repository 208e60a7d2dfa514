package gilbook.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class GilWaitsTests {

  /**
   * A thread that holds the GIL for {@code holdNanos} of instructions, {@code times} times, with 1
   * ms of detached work after each hold, beside a thread that runs without pause: each hold makes
   * the busy thread wait once, for as long as the hold.
   */
  private static GilWaits holdsBesideABusyThread(long holdNanos, int times) {
    GilWaits waits = new GilWaits();
    try (Interpreter interp = Runs.virtual(1).cores(2).build()) {
      interp.addListener(waits);
      interp.run(
          () -> {
            boolean[] finished = {false};
            PyThread holder =
                interp.start(
                    "holder",
                    () -> {
                      for (int i = 0; i < times; i++) {
                        Eval.instructions(holdNanos / Runs.COST);
                        Eval.allowThreads(() -> Work.cpu(Duration.ofMillis(1)));
                      }
                      finished[0] = true;
                    });
            PyThread busy =
                interp.start(
                    "busy",
                    () -> {
                      while (!finished[0]) {
                        Work.cpuNanos(100_000);
                        Eval.backEdge();
                      }
                    });
            holder.join();
            busy.join();
          });
      Runs.assertClean(interp);
    }
    return waits;
  }

  @Test
  void eachWaitOfTheBusyThreadLastsAsLongAsTheHoldThatCausedIt() {
    GilWaits waits = holdsBesideABusyThread(20_000, 4);
    long[] busy = waits.of("busy");
    // Each time the holder re-attaches it forces the busy thread out, and the busy thread's next
    // wait lasts exactly the hold that follows; its other takes (its first, and the one after
    // the holder's last re-attachment, which holds nothing) find the GIL free at once.
    long caused = Arrays.stream(busy).filter(w -> w == 20_000).count();
    assertEquals(4, caused, Arrays.toString(busy));
    assertEquals(0, Arrays.stream(busy).filter(w -> w != 20_000 && w != 0).count());
  }

  @Test
  void theWaitsAddUpToTheThreadsWaitedTime() {
    GilWaits waits = new GilWaits();
    try (Interpreter interp = Runs.virtual(3).cores(2).build()) {
      interp.addListener(waits);
      interp.start("cpu", Runs.spin(200_000));
      interp.start(
          "io",
          () -> {
            for (int i = 0; i < 3; i++) {
              Work.io(Duration.ofMillis(1));
              Eval.instructions(10);
            }
          });
      interp.awaitThreads();
      for (ThreadStats s : interp.threadStats()) {
        assertEquals(s.waited(), Arrays.stream(waits.of(s.name())).sum(), s.name());
        assertEquals(s.acquisitions(), waits.of(s.name()).length, s.name());
      }
    }
  }

  @Test
  void aThreadThatWaitsEveryIntervalHasWaitsOfAboutAnInterval() {
    GilWaits waits = new GilWaits();
    try (Interpreter interp = Runs.virtual(1).cores(2).build()) {
      interp.addListener(waits);
      interp.start("cpu", Runs.spin(400_000));
      interp.start("io", () -> Work.io(Duration.ofMillis(1)));
      interp.awaitThreads();
      long[] io = waits.of("io");
      // Its second take comes after its I/O, while the other thread runs: a full interval at
      // least before the drop request, as in CPython's take_gil.
      assertEquals(2, io.length);
      assertEquals(true, io[1] >= Runs.INTERVAL, Arrays.toString(io));
    }
  }

  @Nested
  class Percentiles {
    private GilWaits of(long... waits) {
      GilWaits record = new GilWaits();
      long t = 0;
      for (long w : waits) {
        record.onTakeRequest(new TraceEvent(t, 1, "t", TraceEvent.Kind.TAKE_REQUEST, "", 0));
        record.onTake(new TraceEvent(t + w, 1, "t", TraceEvent.Kind.TAKE, "", 0));
        t += w + 1;
      }
      return record;
    }

    @Test
    void theNinetyNinthOfFewerThanAHundredWaitsIsTheLongest() {
      GilWaits record = of(5, 1, 9, 3);
      assertEquals(9, record.percentile("t", 99));
      assertEquals(3, record.percentile("t", 50));
      assertEquals(1, record.percentile("t", 1));
      assertArrayEquals(new long[] {5, 1, 9, 3}, record.of("t"));
    }

    @Test
    void theNinetyNinthOfTwoHundredWaitsLeavesOutTheTwoLongest() {
      long[] waits = new long[200];
      for (int i = 0; i < waits.length; i++) {
        waits[i] = i + 1;
      }
      assertEquals(198, of(waits).percentile("t", 99));
    }

    @Test
    void aThreadThatNeverWaitedHasNoWaits() {
      assertEquals(0, of().percentile("nobody", 99));
      assertEquals(0, of().of("nobody").length);
    }

    @Test
    void aPercentileOutsideZeroToAHundredIsRefused() {
      assertThrows(IllegalArgumentException.class, () -> of(1).percentile("t", 0));
      assertThrows(IllegalArgumentException.class, () -> of(1).percentile("t", 101));
    }
  }
}

package gilbook.runtime.threading;

import static gilbook.runtime.Runs.assertRaises;
import static gilbook.runtime.Runs.now;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gilbook.runtime.Interpreter;
import gilbook.runtime.Runs;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class QueueTests {

  @Test
  void aBoundedProducerConsumerLosesNothingAndNeverExceedsCapacity() {
    try (Interpreter interp = Runs.virtual(11).build()) {
      Queue<Integer> q = new Queue<>(interp, "jobs", 3);
      List<Integer> got = new ArrayList<>();
      int[] most = {0};
      interp.start(
          "producer",
          () -> {
            for (int i = 0; i < 50; i++) {
              q.put(i);
              most[0] = Math.max(most[0], q.qsize());
            }
          });
      interp.start(
          "consumer",
          () -> {
            for (int i = 0; i < 50; i++) {
              got.add(q.get());
              most[0] = Math.max(most[0], q.qsize());
              if (i % 7 == 0) {
                Runs.sleepMillis(1); // a slow consumer fills the queue
              }
            }
          });
      Runs.finish(interp);
      assertEquals(IntStream.range(0, 50).boxed().toList(), got);
      assertEquals(3, most[0], "the queue never filled, or it overflowed");
      assertTrue(q.empty());
    }
  }

  @Test
  void putAndGetTimeoutsRaiseFullAndEmptyAfterExactlyTheTimeout() {
    try (Interpreter interp = Runs.virtual(1).build()) {
      interp.run(
          () -> {
            Queue<String> q = new Queue<>("q", 1);
            long start = now();
            assertRaises("Empty", null, () -> q.get(true, 0.001));
            assertEquals(1_000_000, now() - start);
            assertRaises("Empty", null, q::getNowait);
            q.put("a");
            assertTrue(q.full());
            long mid = now();
            assertRaises("Full", null, () -> q.put("b", true, 0.002));
            assertEquals(2_000_000, now() - mid);
            assertRaises("Full", null, () -> q.putNowait("b"));
            assertEquals("a", q.get(false));
            assertRaises(
                "ValueError", "'timeout' must be a non-negative number", () -> q.get(true, -1));
          });
    }
  }

  @Test
  void joinWaitsUntilEveryItemIsMarkedDone() {
    try (Interpreter interp = Runs.virtual(3).build()) {
      Queue<Integer> q = new Queue<>(interp, "tasks", 0);
      long[] joinedAt = {0};
      interp.start(
          "worker",
          () -> {
            for (int i = 0; i < 3; i++) {
              q.get();
              Runs.sleepMillis(1);
              q.taskDone();
            }
          });
      interp.start(
          "main",
          () -> {
            for (int i = 0; i < 3; i++) {
              q.put(i);
            }
            q.join();
            joinedAt[0] = now();
          });
      Runs.finish(interp);
      assertTrue(joinedAt[0] >= 3_000_000, "join returned at " + joinedAt[0]);
    }
  }

  @Test
  void taskDoneCalledTooManyTimesRaisesValueError() {
    try (Interpreter interp = Runs.virtual(1).build()) {
      interp.run(
          () -> {
            Queue<String> q = new Queue<>("q", 0);
            q.put("x");
            q.get();
            q.taskDone();
            assertRaises("ValueError", "task_done() called too many times", q::taskDone);
            long before = now();
            q.join(); // nothing unfinished: returns at once
            assertEquals(before, now());
          });
    }
  }
}

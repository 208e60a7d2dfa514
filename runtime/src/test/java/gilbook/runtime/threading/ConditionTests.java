package gilbook.runtime.threading;

import static gilbook.runtime.Runs.assertRaises;
import static gilbook.runtime.Runs.now;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gilbook.runtime.Interpreter;
import gilbook.runtime.Runs;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionTests {

  @Test
  void waitAndNotifyWithAWhileLoopPredicateHandOverEveryItem() {
    try (Interpreter interp = Runs.virtual(5).build()) {
      Condition cond = new Condition(interp, "items", new Lock(interp, "items.lock"));
      Deque<Integer> items = new ArrayDeque<>();
      List<Integer> consumed = new ArrayList<>();
      for (String name : new String[] {"C1", "C2"}) {
        interp.start(
            name,
            () -> {
              for (int i = 0; i < 5; i++) {
                cond.acquire();
                while (items.isEmpty()) {
                  cond.await();
                }
                consumed.add(items.removeFirst());
                cond.release();
              }
            });
      }
      interp.start(
          "producer",
          () -> {
            for (int i = 0; i < 10; i++) {
              Runs.sleepMillis(1);
              cond.acquire();
              items.addLast(i);
              cond.signal();
              cond.release();
            }
          });
      Runs.finish(interp);
      assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), consumed);
    }
  }

  @Test
  void notifyAllWakesEveryWaiterAndWaitForChecksThePredicate() {
    try (Interpreter interp = Runs.virtual(2).build()) {
      Condition cond = new Condition(interp, "gate");
      boolean[] open = {false};
      List<String> through = new ArrayList<>();
      for (String name : new String[] {"W1", "W2", "W3"}) {
        interp.start(
            name,
            () -> {
              cond.acquire();
              assertTrue(cond.waitFor(() -> open[0]));
              through.add(name);
              cond.release();
            });
      }
      interp.start(
          "opener",
          () -> {
            Runs.sleepMillis(1);
            cond.acquire();
            cond.signalAll(); // a spurious wake-up: the predicate is still false
            cond.release();
            Runs.sleepMillis(1);
            cond.acquire();
            open[0] = true;
            cond.signalAll();
            cond.release();
          });
      Runs.finish(interp);
      assertEquals(3, through.size(), through.toString());
    }
  }

  @Test
  void notifyWakesAtMostNWaitersOldestFirst() {
    try (Interpreter interp = Runs.virtual(4).build()) {
      Condition cond = new Condition(interp, "c");
      List<String> woke = new ArrayList<>();
      for (String name : new String[] {"W1", "W2", "W3"}) {
        interp.start(
            name,
            () -> {
              Runs.sleepMillis(Integer.parseInt(name.substring(1)));
              cond.acquire();
              if (cond.await(0.010)) {
                woke.add(name);
              }
              cond.release();
            });
      }
      interp.start(
          "notifier",
          () -> {
            Runs.sleepMillis(5);
            cond.acquire();
            cond.signal(2);
            cond.release();
          });
      Runs.finish(interp);
      assertEquals(List.of("W1", "W2"), woke);
    }
  }

  @Test
  void waitForWithATimeoutReturnsFalseAfterExactlyTheTimeout() {
    try (Interpreter interp = Runs.virtual(1).build()) {
      interp.run(
          () -> {
            Condition cond = new Condition("never");
            cond.acquire();
            long before = now();
            assertFalse(cond.waitFor(() -> false, 0.004));
            assertEquals(4_000_000, now() - before);
            cond.release();
          });
    }
  }

  @Test
  void waitingOrNotifyingWithoutTheLockRaisesRuntimeError() {
    try (Interpreter interp = Runs.virtual(1).build()) {
      interp.run(
          () -> {
            Condition cond = new Condition("c");
            assertRaises("RuntimeError", "cannot wait on un-acquired lock", cond::await);
            assertRaises("RuntimeError", "cannot notify on un-acquired lock", cond::signal);
            Condition plain = new Condition("p", new Lock("p.lock"));
            assertRaises("RuntimeError", "cannot wait on un-acquired lock", () -> plain.await(1));
          });
    }
  }

  @Test
  void aWaitOverAnRLockReleasesEveryLevelAndRestoresThem() {
    try (Interpreter interp = Runs.virtual(1).build()) {
      RLock lock = new RLock(interp, "r");
      Condition cond = new Condition(interp, "c", lock);
      boolean[] otherGotIt = {false};
      interp.start(
          "waiter",
          () -> {
            lock.acquire();
            lock.acquire();
            cond.await();
            assertEquals(2, lock.count());
            lock.release();
            lock.release();
          });
      interp.start(
          "other",
          () -> {
            Runs.sleepMillis(1);
            otherGotIt[0] = lock.acquire(false);
            cond.signal();
            lock.release();
          });
      Runs.finish(interp);
      assertTrue(otherGotIt[0]);
    }
  }
}

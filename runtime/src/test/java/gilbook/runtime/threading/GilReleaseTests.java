package gilbook.runtime.threading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gilbook.runtime.DeadlockError;
import gilbook.runtime.Eval;
import gilbook.runtime.Interpreter;
import gilbook.runtime.Runs;
import gilbook.runtime.TraceEvent;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class GilReleaseTests {
  private static final int LOOPS = 10_000;

  /** What one blocking scenario needs: a wait, what unblocks it, and the wait's expected name. */
  private record Scenario(Runnable waits, Runnable wakes, String what) {}

  /**
   * Thread W starts R and then blocks; R runs {@link #LOOPS} loop iterations of Python code, then
   * wakes W. W must have dropped the GIL under the primitive's name, and R must have finished all
   * its Python code before W woke.
   */
  private static void assertReleasesTheGilWhileBlocked(Function<Interpreter, Scenario> make) {
    try (Interpreter interp = Runs.virtual(1).build()) {
      Scenario s = make.apply(interp);
      int[] ran = {0};
      int[] ranWhenWoken = {-1};
      interp.start(
          "W",
          () -> {
            interp.start(
                "R",
                () -> {
                  Eval.loop(LOOPS, i -> ran[0]++);
                  s.wakes().run();
                });
            s.waits().run();
            ranWhenWoken[0] = ran[0];
          });
      Runs.finish(interp);
      assertEquals(LOOPS, ranWhenWoken[0], "R did not run Python code while W was blocked");
      List<TraceEvent> drops = Runs.drops(interp, "W", s.what());
      assertEquals(1, drops.size(), () -> "no GIL drop named " + s.what() + ": " + interp.trace());
    }
  }

  @Nested
  class EachPrimitiveReleasesTheGilWhileBlocked {

    @Test
    void lock() {
      assertReleasesTheGilWhileBlocked(
          interp -> {
            Lock lock = new Lock(interp, "accounts");
            return new Scenario(
                () -> {
                  lock.acquire();
                  lock.acquire();
                },
                lock::release,
                "Lock 'accounts' (held by W)");
          });
    }

    @Test
    void rlock() {
      assertReleasesTheGilWhileBlocked(
          interp -> {
            RLock lock = new RLock(interp, "r");
            return new Scenario(
                () -> {
                  Runs.sleepMillis(1); // R takes the RLock first
                  lock.acquire();
                },
                () -> {
                  lock.acquire();
                  lock.acquire();
                  Runs.sleepMillis(2);
                  lock.release();
                  lock.release();
                },
                "RLock 'r' (held by R, count 2)");
          });
    }

    @Test
    void semaphore() {
      assertReleasesTheGilWhileBlocked(
          interp -> {
            Semaphore sem = new Semaphore(interp, "pool", 0);
            return new Scenario(sem::acquire, sem::release, "Semaphore 'pool' (value 0)");
          });
    }

    @Test
    void event() {
      assertReleasesTheGilWhileBlocked(
          interp -> {
            Event e = new Event(interp, "ready");
            return new Scenario(e::await, e::set, "Event 'ready' (not set)");
          });
    }

    @Test
    void condition() {
      assertReleasesTheGilWhileBlocked(
          interp -> {
            Condition c = new Condition(interp, "c");
            return new Scenario(
                () -> {
                  c.acquire();
                  c.await();
                  c.release();
                },
                () -> {
                  c.acquire();
                  c.signal();
                  c.release();
                },
                "Condition 'c' (waiting for notify)");
          });
    }

    @Test
    void queueGet() {
      assertReleasesTheGilWhileBlocked(
          interp -> {
            Queue<String> q = new Queue<>(interp, "jobs", 1);
            return new Scenario(q::get, () -> q.put("job"), "queue.get on Queue 'jobs' (empty)");
          });
    }

    @Test
    void queuePut() {
      assertReleasesTheGilWhileBlocked(
          interp -> {
            Queue<String> q = new Queue<>(interp, "jobs", 1);
            return new Scenario(
                () -> {
                  q.put("a");
                  q.put("b");
                },
                q::get,
                "queue.put on Queue 'jobs' (full, 1 of 1)");
          });
    }
  }

  @Test
  void operationsThatNeedNotWaitKeepTheGil() {
    try (Interpreter interp = Runs.virtual(1).build()) {
      interp.run(
          () -> {
            Lock lock = new Lock("l");
            lock.acquire();
            lock.acquire(false);
            lock.release();
            Queue<String> q = new Queue<>("q", 1);
            q.put("x");
            q.get();
            Semaphore sem = new Semaphore("s", 1);
            sem.acquire();
            sem.release();
          });
      assertTrue(
          Runs.drops(interp, "MainThread", "Lock 'l' (held by MainThread)").isEmpty(),
          interp.trace().toString());
      long drops = interp.trace().events(TraceEvent.Kind.DROP).size();
      assertTrue(drops <= 1, "the GIL was dropped " + drops + " times: " + interp.trace());
    }
  }

  @Test
  void twoLocksTakenInOppositeOrderAreReportedAsADeadlock() {
    Interpreter interp = Runs.virtual(1).build();
    Lock a = new Lock(interp, "a");
    Lock b = new Lock(interp, "b");
    interp.start(
        "T1",
        () -> {
          a.acquire();
          Runs.sleepMillis(1);
          b.acquire();
        });
    interp.start(
        "T2",
        () -> {
          b.acquire();
          Runs.sleepMillis(1);
          a.acquire();
        });
    DeadlockError error = assertThrows(DeadlockError.class, interp::awaitThreads);
    String report = error.getMessage();
    assertTrue(report.contains("T1 waits for Lock 'b' (held by T2)"), report);
    assertTrue(report.contains("T2 waits for Lock 'a' (held by T1)"), report);
    assertFalse(interp.shutdown().runEnd().isEmpty());
  }

  @Test
  void theSameSeedGivesTheSameTrace() {
    assertEquals(queueTrace(9), queueTrace(9));
  }

  private static List<TraceEvent> queueTrace(long seed) {
    try (Interpreter interp = Runs.virtual(seed).build()) {
      Queue<Integer> q = new Queue<>(interp, "jobs", 2);
      for (int c = 0; c < 2; c++) {
        interp.start(
            "consumer" + c,
            () -> {
              for (int i = 0; i < 10; i++) {
                q.get();
                Eval.loop(100, j -> {});
              }
            });
      }
      interp.start(
          "producer",
          () -> {
            for (int i = 0; i < 20; i++) {
              q.put(i);
            }
          });
      Runs.finish(interp);
      return interp.trace().events();
    }
  }
}

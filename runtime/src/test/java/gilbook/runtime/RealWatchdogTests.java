package gilbook.runtime;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gilbook.runtime.threading.Event;
import gilbook.runtime.threading.Lock;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The deadlock watchdog in real time: it ends a run in which every thread waits for another, and
 * never mistakes a sleeping thread for a stuck one. (Virtual time finds deadlocks in its scheduler;
 * see InterpreterTests and the threading tests.)
 *
 * <p>Real threads run in whatever order the OS likes, so each deadlock here is built to happen
 * under any schedule: the threads meet through the runtime's own events (which release the GIL
 * while they wait) once each holds its first resource, and only then reach for the second.
 */
class RealWatchdogTests {

  @Nested
  class ADeadlock {

    @Test
    void twoLocksTakenInOppositeOrderAreReportedNamingBothThreads() {
      try (Interpreter interp = Runs.real().build()) {
        Lock a = new Lock(interp, "a");
        Lock b = new Lock(interp, "b");
        Event t1HoldsA = new Event(interp, "T1 holds a");
        Event t2HoldsB = new Event(interp, "T2 holds b");
        interp.start(
            "T1",
            () -> {
              a.acquire();
              t1HoldsA.set();
              t2HoldsB.await();
              b.acquire();
            });
        interp.start(
            "T2",
            () -> {
              b.acquire();
              t2HoldsB.set();
              t1HoldsA.await();
              a.acquire();
            });
        DeadlockError error = assertThrows(DeadlockError.class, interp::awaitThreads);
        String report = error.getMessage();
        assertTrue(report.contains("T1 waits for Lock 'b' (held by T2)"), report);
        assertTrue(report.contains("T2 waits for Lock 'a' (held by T1)"), report);
      }
    }

    @Test
    void aThreadBlockedOnAMutexWhileHoldingTheGilIsReportedWithTheGilWaiter() {
      // The C-extension deadlock: A takes the GIL and blocks on a mutex that B holds, without
      // releasing the GIL; B needs the GIL back to release the mutex. B waits for the GIL with
      // timed waits, which must not count as progress.
      try (Interpreter interp = Runs.real().build()) {
        Mutex userLock = interp.clock().newMutex("user_lock");
        Event bHoldsTheLock = new Event(interp, "B holds user_lock");
        Event aHoldsTheGil = new Event(interp, "A holds the GIL");
        interp.start(
            "B",
            () -> {
              userLock.lock();
              bHoldsTheLock.set();
              aHoldsTheGil.await(); // returning needs the GIL, which A never drops
              userLock.unlock();
            });
        interp.start(
            "A",
            () -> {
              bHoldsTheLock.await();
              aHoldsTheGil.set(); // no check point from here on: A keeps the GIL
              userLock.lock();
            });
        DeadlockError error = assertThrows(DeadlockError.class, interp::awaitThreads);
        String report = error.getMessage();
        assertTrue(report.contains("A waits for mutex user_lock"), report);
        assertTrue(report.contains("B waits for the GIL (held by A)"), report);
      }
    }
  }

  @Nested
  class NotADeadlock {

    @Test
    void aThreadWaitingForASleeperIsNotADeadlock() {
      // The sleep outlasts the watchdog's five looks, so it has seen a joined sleeper many times.
      try (Interpreter interp = Runs.real().build()) {
        interp.run(
            () -> {
              PyThread sleeper = interp.start("sleeper", () -> Work.sleep(Duration.ofMillis(900)));
              sleeper.join();
            });
        assertDoesNotThrow(interp::awaitThreads);
      }
    }
  }
}

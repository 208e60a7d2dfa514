package gilbook.runtime;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gilbook.runtime.threading.Lock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The deadlock watchdog in real time: it ends a run in which every thread waits for another, and
 * never mistakes a sleeping thread for a stuck one. (Virtual time finds deadlocks in its scheduler;
 * see InterpreterTests and the threading tests.)
 */
class RealWatchdogTests {

  private static Interpreter real() {
    return Interpreter.builder()
        .clock(Clock.real())
        .realTimeLimit(Duration.ofSeconds(30))
        .stderr(Runs.QUIET)
        .build();
  }

  @Test
  void twoLocksTakenInOppositeOrderAreReportedNamingBothThreads() {
    Interpreter interp = real();
    Lock a = new Lock(interp, "a");
    Lock b = new Lock(interp, "b");
    interp.start(
        "T1",
        () -> {
          a.acquire();
          Work.sleep(Duration.ofMillis(50));
          b.acquire();
        });
    interp.start(
        "T2",
        () -> {
          b.acquire();
          Work.sleep(Duration.ofMillis(50));
          a.acquire();
        });
    DeadlockError error = assertThrows(DeadlockError.class, interp::awaitThreads);
    assertTrue(error.getMessage().contains("T1 waits for Lock 'b'"), error.getMessage());
    assertTrue(error.getMessage().contains("T2 waits for Lock 'a'"), error.getMessage());
    interp.close();
  }

  @Test
  void aThreadWaitingForASleeperIsNotADeadlock() {
    try (Interpreter interp = real()) {
      interp.run(
          () -> {
            PyThread sleeper = interp.start("sleeper", () -> Work.sleep(Duration.ofMillis(900)));
            sleeper.join();
          });
      assertDoesNotThrow(interp::awaitThreads);
    }
  }
}

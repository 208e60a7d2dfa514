package gilbook.runtime.threading;

import static gilbook.runtime.Runs.assertRaises;
import static gilbook.runtime.Runs.now;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gilbook.runtime.Interpreter;
import gilbook.runtime.Runs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LockTests {

  @Nested
  class PlainLock {

    @Test
    void aLockAcquiredByOneThreadCanBeReleasedByAnother() {
      try (Interpreter interp = Runs.virtual(1).build()) {
        Lock lock = new Lock(interp, "handoff");
        List<String> log = new ArrayList<>();
        interp.start(
            "A",
            () -> {
              lock.acquire();
              log.add("A acquired");
              lock.acquire(); // blocks until B releases A's acquisition
              log.add("A acquired again");
            });
        interp.start(
            "B",
            () -> {
              Runs.sleepMillis(1);
              log.add("B releases");
              lock.release();
            });
        Runs.finish(interp);
        assertEquals(List.of("A acquired", "B releases", "A acquired again"), log);
      }
    }

    @Test
    void aNonBlockingAcquireFailsAtOnceWhenTheLockIsHeld() {
      try (Interpreter interp = Runs.virtual(1).build()) {
        interp.run(
            () -> {
              Lock lock = new Lock("l");
              assertTrue(lock.acquire(false));
              long before = now();
              assertFalse(lock.acquire(false));
              assertEquals(before, now());
              assertTrue(lock.locked());
            });
      }
    }

    @Test
    void anAcquireWithATimeoutGivesUpAfterExactlyTheVirtualTimeout() {
      try (Interpreter interp = Runs.virtual(1).build()) {
        interp.run(
            () -> {
              Lock lock = new Lock("l");
              lock.acquire();
              long before = now();
              assertFalse(lock.acquire(true, 0.002));
              assertEquals(2_000_000, now() - before);
            });
      }
    }

    @Test
    void releasingAnUnlockedLockRaisesRuntimeError() {
      try (Interpreter interp = Runs.virtual(1).build()) {
        interp.run(
            () ->
                assertRaises(
                    "RuntimeError", "release unlocked lock", () -> new Lock("l").release()));
      }
    }

    @Test
    void aTimeoutOnANonBlockingAcquireIsAValueError() {
      try (Interpreter interp = Runs.virtual(1).build()) {
        interp.run(
            () -> {
              Lock lock = new Lock("l");
              assertRaises(
                  "ValueError",
                  "can't specify a timeout for a non-blocking call",
                  () -> lock.acquire(false, 1));
              assertRaises(
                  "ValueError",
                  "timeout value must be a non-negative number",
                  () -> lock.acquire(true, -2));
            });
      }
    }
  }

  @Nested
  class ReentrantLock {

    @Test
    void theOwnerReentersAndMustReleaseAsManyTimes() {
      try (Interpreter interp = Runs.virtual(1).build()) {
        RLock lock = new RLock(interp, "r");
        boolean[] otherGotIt = new boolean[2];
        interp.run(
            () -> {
              assertTrue(lock.acquire());
              assertTrue(lock.acquire(false));
              assertTrue(lock.acquire(true, 1));
              assertEquals(3, lock.count());
              lock.release();
              lock.release();
              assertEquals(1, lock.count());
              interp.start("other", () -> otherGotIt[0] = lock.acquire(false));
              Runs.sleepMillis(1);
              lock.release();
              assertEquals(0, lock.count());
              interp.start("later", () -> otherGotIt[1] = lock.acquire(false));
            });
        assertFalse(otherGotIt[0], "another thread got the RLock while its owner held it");
        assertTrue(otherGotIt[1], "the RLock was not free after the last release");
      }
    }

    @Test
    void aThreadThatDoesNotOwnItCannotReleaseIt() {
      try (Interpreter interp = Runs.virtual(1).build()) {
        RLock lock = new RLock(interp, "r");
        interp.start("owner", lock::acquire);
        interp.start(
            "thief",
            () -> {
              Runs.sleepMillis(1);
              assertRaises("RuntimeError", "cannot release un-acquired lock", lock::release);
            });
        Runs.finish(interp);
        assertEquals(1, lock.count());
      }
    }
  }
}

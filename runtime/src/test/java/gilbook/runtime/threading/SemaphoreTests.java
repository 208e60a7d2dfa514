package gilbook.runtime.threading;

import static gilbook.runtime.Runs.assertRaises;
import static gilbook.runtime.Runs.now;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gilbook.runtime.Interpreter;
import gilbook.runtime.Runs;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SemaphoreTests {

  @Test
  void aSemaphoreCountsItsPermits() {
    try (Interpreter interp = Runs.virtual(1).build()) {
      interp.run(
          () -> {
            Semaphore sem = new Semaphore("pool", 2);
            assertTrue(sem.acquire());
            assertTrue(sem.acquire(false));
            assertFalse(sem.acquire(false));
            assertEquals(0, sem.value());
            sem.release(3); // an unbounded semaphore may rise above its initial value
            assertEquals(3, sem.value());
            long before = now();
            assertTrue(sem.acquire(0.5));
            assertEquals(before, now(), "a free permit is taken at once");
          });
    }
  }

  @Test
  void atMostValueThreadsAreInsideAtOnce() {
    try (Interpreter interp = Runs.virtual(7).build()) {
      Semaphore sem = new Semaphore(interp, "pool", 2);
      AtomicInteger inside = new AtomicInteger();
      AtomicInteger most = new AtomicInteger();
      for (int t = 0; t < 5; t++) {
        interp.start(
            "T" + t,
            () -> {
              for (int i = 0; i < 3; i++) {
                sem.acquire();
                most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                Runs.sleepMillis(1);
                inside.decrementAndGet();
                sem.release();
              }
            });
      }
      Runs.finish(interp);
      assertEquals(2, most.get());
      assertEquals(2, sem.value());
    }
  }

  @Test
  void aSemaphoreAcquireWithATimeoutGivesUpAfterExactlyTheTimeout() {
    try (Interpreter interp = Runs.virtual(1).build()) {
      interp.run(
          () -> {
            Semaphore sem = new Semaphore("empty", 0);
            long before = now();
            assertFalse(sem.acquire(0.003));
            assertEquals(3_000_000, now() - before);
          });
    }
  }

  @Test
  void aBoundedSemaphoreReleasedTooManyTimesRaisesValueError() {
    try (Interpreter interp = Runs.virtual(1).build()) {
      interp.run(
          () -> {
            BoundedSemaphore sem = new BoundedSemaphore("bounded", 1);
            sem.acquire();
            sem.release();
            assertRaises("ValueError", "Semaphore released too many times", sem::release);
            assertEquals(1, sem.value());
          });
    }
  }

  @Test
  void aNegativeInitialValueIsAValueError() {
    try (Interpreter interp = Runs.virtual(1).build()) {
      assertRaises(
          "ValueError",
          "semaphore initial value must be >= 0",
          () -> new Semaphore(interp, "bad", -1));
    }
  }
}

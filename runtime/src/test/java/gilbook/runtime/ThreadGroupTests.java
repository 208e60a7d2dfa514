package gilbook.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A Python thread does not join the thread group of the code that started it. JShell's local engine
 * runs each snippet in a group of its own and waits for every thread in that group; a Python thread
 * there, parked until a later snippet runs the simulation, hung JShell for ever. Here a starter
 * thread in a group of its own plays the snippet, as JShell does, and the group is then searched
 * for the Python thread, which is still alive (so the search is meaningful).
 */
class ThreadGroupTests {

  /** Runs {@code start} on a thread of a new group; returns that group's live threads after it. */
  private static List<String> threadsLeftInTheStartersGroup(Runnable start) throws Exception {
    ThreadGroup snippetGroup = new ThreadGroup("like JShell's local execution");
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread starter = new Thread(snippetGroup, start, "snippet");
    starter.setUncaughtExceptionHandler((t, e) -> failure.set(e));
    starter.start();
    starter.join();
    if (failure.get() != null) {
      throw new AssertionError("the starter failed", failure.get());
    }
    Thread[] found = new Thread[snippetGroup.activeCount() + 8];
    int n = snippetGroup.enumerate(found, true);
    List<String> names = new ArrayList<>();
    Arrays.stream(found, 0, n).forEach(t -> names.add(t.getName()));
    return names;
  }

  @Test
  void aVirtualClockThreadWaitingForItsTurnIsNotInTheStartersGroup() throws Exception {
    try (Interpreter interp = Runs.virtual(1).build()) {
      List<PyThread> started = new ArrayList<>();
      List<String> left =
          threadsLeftInTheStartersGroup(() -> started.add(interp.start("A", Runs.spin(10))));
      assertTrue(started.get(0).isAlive(), "A waits for awaitThreads(), as in a later snippet");
      assertEquals(List.of(), left, "threads a host waiting for the starter's group would wait on");
      interp.awaitThreads();
      assertTrue(started.get(0).finished());
    }
  }

  @Test
  void aRealClockThreadIsNotInTheStartersGroup() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (Interpreter interp =
        Interpreter.builder().clock(Clock.real()).stderr(Runs.QUIET).build()) {
      List<PyThread> started = new ArrayList<>();
      List<String> left =
          threadsLeftInTheStartersGroup(
              () ->
                  started.add(
                      interp.start(
                          "A",
                          () ->
                              Eval.allowThreads(
                                  () -> {
                                    try {
                                      release.await(60, TimeUnit.SECONDS);
                                    } catch (InterruptedException e) {
                                      Thread.currentThread().interrupt();
                                    }
                                  }))));
      try {
        assertTrue(started.get(0).isAlive(), "A still waits for the test to release it");
        assertEquals(List.of(), left);
      } finally {
        release.countDown();
      }
      interp.awaitThreads();
    }
  }
}

package gilbook.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gilbook.runtime.pyo3.Python;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Threads a Python thread starts for parallel work: PyO3's rayon pattern ({@code py.detach(||
 * numbers.par_iter().map(expensive).collect())}) as a parallel stream inside {@code allowThreads},
 * plain threads and executors started inside it, and everything a helper may not do. Every run is
 * virtual unless it says otherwise, so every assertion is exact; the waits on latches only make a
 * helper run where a test needs it, and never decide an outcome by their timing.
 */
class HelperThreadTests {
  private static final long US = 1_000;
  private static final long MS = 1_000_000;

  /** Varied costs, none equal, so a wrong split or a lost piece changes the total. */
  private static final long[] VALUES =
      LongStream.rangeClosed(1, 24).map(i -> 1_000 + 37 * i).toArray();

  private static long cost(long value) {
    return value * US / 10; // 103.7 us .. 188.8 us
  }

  private static long totalCost() {
    return LongStream.of(VALUES).map(HelperThreadTests::cost).sum();
  }

  private static long expensive(long value) {
    Work.cpuNanos(cost(value));
    return value * value + 1;
  }

  private static long[] expected() {
    return LongStream.of(VALUES).map(v -> v * v + 1).toArray();
  }

  /** What one run of the rayon pattern left: every event, every thread's statistics, the result. */
  private record Outcome(List<TraceEvent> events, List<ThreadStats> stats, long[] result) {
    ThreadStats stats(String name) {
      return stats.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }
  }

  /**
   * The learner's shape: an extension thread copies ints out while holding the GIL, computes them
   * with a parallel stream inside {@code py.allowThreads}, then writes back; meanwhile a Python
   * thread runs bytecode. Also: once detached it attaches briefly and detaches again, so settling
   * in the middle of a section is covered too.
   */
  private static Outcome rayonPattern(long seed) {
    long[][] result = new long[1][];
    try (Interpreter interp = Runs.virtual(seed).cores(2).build()) {
      interp.start(
          "extension",
          () ->
              Python.runWithGil(
                  py -> {
                    PyList list = PyList.ofLongs(VALUES);
                    long[] values = new long[list.size()];
                    for (int i = 0; i < values.length; i++) {
                      values[i] = ((PyLong) list.getItem(i)).asLong();
                    }
                    long[] half =
                        py.allowThreads(
                            () -> {
                              long[] firstHalf =
                                  LongStream.of(values)
                                      .limit(12)
                                      .parallel()
                                      .map(HelperThreadTests::expensive)
                                      .toArray();
                              Python.runWithGil(inner -> Eval.instructions(10));
                              return firstHalf;
                            });
                    long[] rest =
                        py.allowThreads(
                            () ->
                                LongStream.of(values)
                                    .skip(12)
                                    .parallel()
                                    .map(HelperThreadTests::expensive)
                                    .toArray());
                    result[0] =
                        LongStream.concat(LongStream.of(half), LongStream.of(rest)).toArray();
                    list.decref();
                  }));
      interp.start(
          "python",
          () -> {
            Work.sleep(Duration.ofNanos(100 * US));
            Eval.loop(20_000, i -> {});
          });
      interp.awaitThreads();
      Runs.assertClean(interp);
      return new Outcome(interp.trace().events(), interp.threadStats(), result[0]);
    }
  }

  @Test
  void aParallelStreamInsideAllowThreadsIsGilFreeWorkOfTheThreadThatDetached() {
    Outcome out = rayonPattern(3);
    assertArrayEquals(expected(), out.result());
    ThreadStats extension = out.stats("extension");
    assertEquals(0, extension.cpuWithGil(), extension.toString());
    assertEquals(totalCost(), extension.ranWithoutGil(), extension.toString());
    ThreadStats python = out.stats("python");
    assertTrue(python.ended() < extension.ended(), "python ran meanwhile: " + python);
    // The sum rule: a thread's times still add up to its lifetime.
    long accounted =
        extension.held()
            + extension.waited()
            + extension.ranWithoutGil()
            + extension.blocked()
            + extension.cpuWithGil();
    assertEquals(extension.ended() - extension.started(), accounted, extension.toString());
  }

  @Test
  void theSameRunGivesTheSameTraceAndStatisticsFiftyTimesWhoeverRanWhichPiece() {
    Outcome first = rayonPattern(11);
    for (int run = 1; run < 50; run++) {
      Outcome again = rayonPattern(11);
      assertEquals(first.stats(), again.stats(), "run " + run);
      assertEquals(first.events(), again.events(), "run " + run);
      assertArrayEquals(first.result(), again.result(), "run " + run);
    }
  }

  @Test
  void helperThreadsReallyRanPiecesAndTheirWorkCounted() {
    // Makes the helper take part for sure: the owner's piece waits until a helper has run one.
    Set<String> ranOn = ConcurrentHashMap.newKeySet();
    CountDownLatch helperRan = new CountDownLatch(1);
    try (Interpreter interp = Runs.virtual(1).cores(2).build()) {
      interp.start(
          "extension",
          () ->
              Eval.allowThreads(
                  () ->
                      IntStream.range(0, 2)
                          .parallel()
                          .forEach(
                              i -> {
                                ranOn.add(Thread.currentThread().getName());
                                if (PyThreadState.getOrNull() == null) {
                                  helperRan.countDown();
                                } else {
                                  await(helperRan);
                                }
                                Work.cpu(Duration.ofMillis(1));
                              })));
      interp.awaitThreads();
      Runs.assertClean(interp);
      assertEquals(Set.of("py-extension", "py-extension-worker-1"), ranOn);
      assertEquals(2 * MS, interp.threadStats("extension").ranWithoutGil());
    }
  }

  @Test
  void aParallelStreamWithoutAllowThreadsKeepsTheGilForItsWholeLength() {
    try (Interpreter interp = Runs.virtual(5).cores(2).build()) {
      Runs.startFirst(
          interp,
          "extension",
          () -> LongStream.of(VALUES).parallel().map(HelperThreadTests::expensive).toArray(),
          "python",
          Runs.spin(10));
      Runs.assertClean(interp);
      ThreadStats extension = interp.threadStats("extension");
      assertEquals(totalCost(), extension.cpuWithGil(), extension.toString());
      assertEquals(0, extension.ranWithoutGil(), extension.toString());
      assertTrue(interp.threadStats("python").waited() >= totalCost(), "python waited throughout");
    }
  }

  @Test
  void aHelperThatTouchesAPythonObjectGetsAnErrorNamingItTheOwnerAndAttach() {
    AtomicReference<Throwable> raised = new AtomicReference<>();
    try (Interpreter interp = Runs.virtual(1).cores(2).build()) {
      interp.run(
          () -> {
            PyList list = PyList.ofLongs(1001, 1002);
            try {
              Eval.allowThreads(
                  () -> {
                    Thread helper = quiet("my-helper", () -> list.getItem(0));
                    helper.start();
                    join(helper);
                  });
            } catch (GilNotHeldError e) {
              raised.set(e);
            } finally {
              list.decref();
            }
          });
    }
    String message = raised.get().getMessage();
    assertTrue(message.contains("thread my-helper"), message);
    assertTrue(message.contains("Python thread MainThread started inside allowThreads"), message);
    assertTrue(message.contains("list object at 0x"), message);
    assertTrue(message.contains("[1001, 1002]"), message);
    assertTrue(message.contains("(indexing)"), message);
    assertTrue(message.contains("Python.withGil / attach"), message);
  }

  @Test
  void aParallelStreamThatTouchesPythonObjectsFailsWhoeverRunsThePiece() {
    for (long seed = 0; seed < 10; seed++) {
      AtomicReference<Throwable> raised = new AtomicReference<>();
      try (Interpreter interp = Runs.virtual(seed).cores(2).build()) {
        interp.run(
            () -> {
              PyList list = PyList.ofLongs(VALUES);
              try {
                // The GIL is held: the owner itself may use the list, but not in a piece that a
                // helper could as well have run.
                IntStream.range(0, VALUES.length)
                    .parallel()
                    .mapToLong(i -> ((PyLong) list.getItem(i)).asLong())
                    .sum();
              } catch (GilNotHeldError e) {
                raised.set(e);
              } finally {
                list.decref();
              }
            });
      }
      assertNotNull(raised.get(), "seed " + seed);
      assertTrue(raised.get().getMessage().contains("Python.withGil / attach"), "seed " + seed);
    }
  }

  @Test
  void helpersCannotAttachNorCallPythonFunctions() {
    List<Throwable> raised = new ArrayList<>();
    try (Interpreter interp = Runs.virtual(1).cores(2).build()) {
      interp.run(
          () ->
              Eval.allowThreads(
                  () -> {
                    Thread attach =
                        quiet("a", () -> catching(raised, () -> Python.withGil(py -> 1)));
                    Thread call =
                        quiet(
                            "c",
                            () ->
                                catching(raised, () -> Work.call(NativeFunction.SHA256, 1 << 20)));
                    attach.start();
                    join(attach);
                    call.start();
                    join(call);
                  }));
    } catch (GilNotHeldError expected) {
      // the first helper error is raised on the owner at the section's end
    }
    assertEquals(2, raised.size(), raised.toString());
    assertTrue(
        raised.get(0).getMessage().contains("tried to call Python.withGil"), raised.toString());
    assertTrue(
        raised.get(1).getMessage().contains("tried to call Work.call(hashlib.sha256)"),
        raised.toString());
  }

  @Test
  void threadsAndExecutorsStartedInsideAllowThreadsAndJoinedCountAsGilFreeWork() {
    ThreadStats first = null;
    for (int run = 0; run < 10; run++) {
      try (Interpreter interp = Runs.virtual(2).cores(2).build()) {
        interp.start(
            "extension",
            () ->
                Eval.allowThreads(
                    () -> {
                      Thread t = new Thread(() -> Work.cpu(Duration.ofMillis(3)));
                      t.start();
                      ExecutorService pool = Executors.newFixedThreadPool(2);
                      List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
                      for (int i = 0; i < 4; i++) {
                        futures.add(pool.submit(() -> Work.cpu(Duration.ofMillis(1))));
                      }
                      futures.forEach(HelperThreadTests::get);
                      pool.shutdown();
                      Work.cpu(Duration.ofMillis(2)); // the owner's own share, charged as it runs
                      join(t);
                    }));
        interp.awaitThreads();
        Runs.assertClean(interp);
        ThreadStats s = interp.threadStats("extension");
        assertEquals(9 * MS, s.ranWithoutGil(), s.toString());
        assertEquals(0, s.cpuWithGil(), s.toString());
        if (first == null) {
          first = s;
        }
        assertEquals(first, s, "run " + run);
      }
    }
  }

  @Test
  void sleepAndIoInHelpersCountAsBlockedTimeOfTheOwner() {
    try (Interpreter interp = Runs.virtual(1).cores(2).build()) {
      interp.start(
          "extension",
          () ->
              Eval.allowThreads(
                  () ->
                      IntStream.range(0, 4)
                          .parallel()
                          .forEach(
                              i -> {
                                Work.sleep(Duration.ofMillis(1));
                                Work.io(Duration.ofMillis(2));
                                Work.cpu(Duration.ofMillis(1));
                              })));
      interp.awaitThreads();
      Runs.assertClean(interp);
      ThreadStats s = interp.threadStats("extension");
      assertEquals(4 * MS, s.ranWithoutGil(), s.toString());
      assertEquals(12 * MS, s.blocked(), s.toString());
    }
  }

  @Test
  void aFireAndForgetThreadStillRunningWhenTheSectionEndsIsWaitedForAndCounts() {
    for (int run = 0; run < 5; run++) {
      CountDownLatch closureReturned = new CountDownLatch(1);
      try (Interpreter interp = Runs.virtual(4).cores(2).build()) {
        interp.start(
            "extension",
            () -> {
              Eval.allowThreads(
                  () -> {
                    new Thread(
                            () -> {
                              await(closureReturned); // so it is running when the section ends
                              Work.cpu(Duration.ofMillis(5));
                            },
                            "fire-and-forget")
                        .start();
                    closureReturned.countDown(); // the closure's last act: never joined
                  });
              Eval.instructions(3);
            });
        interp.awaitThreads();
        Runs.assertClean(interp);
        ThreadStats s = interp.threadStats("extension");
        assertEquals(5 * MS, s.ranWithoutGil(), s.toString());
        assertEquals(5 * MS + 3 * Runs.COST, s.ended() - s.started(), s.toString());
      }
    }
  }

  @Test
  void aThreadThatOutlivesItsSectionFailsTheSectionWithAnErrorNamingIt() {
    CountDownLatch never = new CountDownLatch(1);
    try (Interpreter interp =
        Runs.virtual(1).cores(2).helperThreadTimeout(Duration.ofMillis(50)).build()) {
      PyThread extension =
          interp.start(
              "extension",
              () ->
                  Eval.allowThreads(
                      () -> new Thread(() -> await(never), "waits-for-ever").start()));
      interp.awaitThreads();
      Throwable error = extension.exception();
      assertInstanceOf(HelperThreadError.class, error);
      assertTrue(error.getMessage().contains("thread waits-for-ever"), error.getMessage());
      assertTrue(error.getMessage().contains("on thread extension"), error.getMessage());
      assertTrue(error.getMessage().contains("join every thread"), error.getMessage());
    } finally {
      never.countDown();
    }
  }

  @Test
  void aThreadStartedWhileHoldingTheGilCannotComputeAndTheOwnerIsTold() {
    List<Throwable> inHelper = new ArrayList<>();
    try (Interpreter interp = Runs.virtual(1).cores(2).build()) {
      PyThread extension =
          interp.start(
              "extension",
              () -> {
                Thread t =
                    quiet("bg", () -> catching(inHelper, () -> Work.cpu(Duration.ofMillis(1))));
                t.start();
                join(t);
              });
      interp.awaitThreads();
      Throwable error = extension.exception();
      assertInstanceOf(HelperThreadError.class, error);
      assertEquals(List.of(error), inHelper);
      assertTrue(error.getMessage().contains("thread bg"), error.getMessage());
      assertTrue(error.getMessage().contains("while it held the GIL"), error.getMessage());
      assertTrue(error.getMessage().contains("py.allowThreads"), error.getMessage());
    }
  }

  @Test
  void theCommonPoolBelongsToNoPythonThreadAndSaysSo() {
    AtomicReference<Throwable> raised = new AtomicReference<>();
    try (Interpreter interp = Runs.virtual(1).cores(2).build()) {
      interp.run(
          () ->
              Eval.allowThreads(
                  () -> {
                    try {
                      ForkJoinPool.commonPool().submit(() -> Work.cpu(Duration.ofMillis(1))).get();
                    } catch (ExecutionException e) {
                      raised.set(e.getCause());
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }));
    }
    assertInstanceOf(IllegalStateException.class, raised.get());
    String message = raised.get().getMessage();
    assertTrue(message.contains("is not a Python thread"), message);
    assertTrue(message.contains("ForkJoinPool.commonPool()"), message);
  }

  @Test
  void aRealClockRunChargesTheHelpersWorkToTheOwner() {
    try (Interpreter interp = Runs.real().cores(2).build()) {
      interp.start(
          "extension",
          () ->
              Eval.allowThreads(
                  () ->
                      IntStream.range(0, 8)
                          .parallel()
                          .forEach(i -> Work.cpu(Duration.ofNanos(200 * US)))));
      interp.awaitThreads();
      Runs.assertClean(interp);
      ThreadStats s = interp.threadStats("extension");
      // Some pieces ran on the owner (charged as they ran), the rest on helpers (added at the end):
      // each is at least its 0.2 ms, whoever ran it.
      assertTrue(s.ranWithoutGil() >= 8 * 200 * US, s.toString());
      assertEquals(0, s.cpuWithGil(), s.toString());
    }
  }

  // ---------------------------------------------------------------- small helpers

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(60, TimeUnit.SECONDS)) {
        throw new AssertionError("a latch was never released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void join(Thread t) {
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void get(java.util.concurrent.Future<?> f) {
    try {
      f.get();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** A thread whose uncaught exception is not printed: the tests look at it elsewhere. */
  private static Thread quiet(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setUncaughtExceptionHandler((thread, e) -> {});
    return t;
  }

  private static void catching(List<Throwable> into, Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      synchronized (into) {
        into.add(e);
      }
      throw e;
    }
  }
}

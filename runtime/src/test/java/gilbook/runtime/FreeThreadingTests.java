package gilbook.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The free-threaded mode: no GIL, biased reference counting, immortal objects (PEP 703, 683). */
class FreeThreadingTests {

  private static Interpreter.Builder freeThreaded(long seed) {
    return Runs.virtual(seed).gilEnabled(false);
  }

  private static long makespan(Interpreter interp) {
    long end = 0;
    for (ThreadStats s : interp.threadStats()) {
      end = Math.max(end, s.ended());
    }
    return end;
  }

  @Nested
  class WithoutTheGil {

    private long twoSpinners(boolean gil) {
      try (Interpreter interp = Runs.virtual(7).gilEnabled(gil).build()) {
        interp.start("A", Runs.spin(100_000));
        interp.start("B", Runs.spin(100_000));
        interp.awaitThreads();
        assertTrue(interp.shutdown().clean(), interp.shutdown().toString());
        return makespan(interp);
      }
    }

    @Test
    void twoCpuBoundThreadsRunInParallelInHalfTheTime() {
      // Virtual time only: how much real time the simulation takes is a benchmark's business.
      long withGil = twoSpinners(true);
      long without = twoSpinners(false);
      assertEquals(2 * 100_000 * Runs.COST, withGil, 2 * Runs.INTERVAL);
      assertEquals(100_000 * Runs.COST, without, 2_000, "each thread runs on its own core");
    }

    @Test
    void noThreadEverTakesTheGil() {
      try (Interpreter interp = freeThreaded(1).build()) {
        boolean[] seen = new boolean[3];
        interp.start(
            "A",
            () -> {
              seen[0] = PyThreadState.get().holdsGil();
              seen[1] = interp.gilStateEnsure();
              Eval.allowThreads(() -> Work.cpu(Duration.ofMillis(1)));
              Work.sleep(Duration.ZERO);
              PyLong big = PyLong.fromLong(1_000_000);
              seen[2] = big.add(1).isFreed();
              big.decref();
            });
        interp.awaitThreads();
        assertFalse(interp.gilEnabled());
        assertFalse(seen[0], "holdsGil() is false: there is no GIL");
        assertFalse(seen[1], "gilStateEnsure takes nothing");
        assertTrue(interp.trace().events(TraceEvent.Kind.TAKE).isEmpty());
        assertTrue(interp.trace().events(TraceEvent.Kind.DROP).isEmpty());
        assertEquals(1, interp.shutdown().leaks().size(), "big.add(1) was never decref'd");
      }
    }

    @Test
    void aNativeThreadMayTouchObjectsWithoutTakingTheGil() {
      try (Interpreter interp = freeThreaded(1).build()) {
        interp.startNative(
            "rust",
            () -> {
              PyList list = PyList.ofLongs(1, 2, 3);
              list.append(PyLong.fromLong(4));
              list.decref();
            });
        interp.awaitThreads();
        assertTrue(interp.threadExceptions().isEmpty(), interp.threadExceptions().toString());
        assertTrue(interp.shutdown().clean(), interp.shutdown().toString());
      }
    }
  }

  @Nested
  class BiasedReferenceCounting {

    @Test
    void anObjectUsedOnlyByItsCreatorNeedsNoAtomicOperation() {
      try (Interpreter interp = freeThreaded(1).build()) {
        PyObject[] obj = new PyObject[1];
        // Read inside the thread, asserted outside: an assertion that fails in a Python thread
        // only ends that thread, and the test would go on and pass.
        long[] afterIncrefs = new long[1];
        interp.start(
            "T1",
            () -> {
              obj[0] = PyLong.fromLong(1_000);
              for (int i = 0; i < 10; i++) {
                obj[0].incref();
              }
              afterIncrefs[0] = obj[0].refcnt();
              for (int i = 0; i < 11; i++) {
                obj[0].decref();
              }
            });
        interp.awaitThreads();
        Runs.assertClean(interp);
        assertEquals(11, afterIncrefs[0]);
        RefcountStats t1 = interp.refcountStats("T1");
        assertEquals(21, t1.nonAtomic());
        assertEquals(0, t1.atomic());
        assertEquals(0, t1.merges());
        assertEquals(1.0, t1.nonAtomicShare());
        assertTrue(obj[0].isFreed());
      }
    }

    @Test
    void aNonOwnersLastDecrefQueuesTheObjectAndTheOwnerMergesIt() {
      try (Interpreter interp = freeThreaded(1).build()) {
        int[] counts = new int[3];
        PyObject[] obj = new PyObject[1];
        interp.start(
            "T1",
            () -> {
              PyObject o = PyLong.fromLong(1_000);
              obj[0] = o;
              o.incref(); // the reference T2 will own, counted locally by T1
              interp.start(
                  "T2",
                  () -> {
                    for (int i = 0; i < 5; i++) {
                      o.incref();
                      o.decref();
                    }
                    o.decref(); // shared count 0 -> would go negative: queued to T1
                  });
              Work.sleep(Duration.ofMillis(1));
              counts[0] = o.refcnt(); // 2: the queue still holds T2's reference
              Eval.backEdge(); // a check point: T1 merges its queue
              counts[1] = o.refcnt();
              o.decref(); // merged: ob_tid is 0, so even the creator counts atomically
              counts[2] = o.isFreed() ? 1 : 0;
            });
        interp.awaitThreads();
        assertEquals(2, counts[0]);
        assertEquals(1, counts[1]);
        assertEquals(1, counts[2], "T1's decref of the merged count freed it");
        RefcountStats t1 = interp.refcountStats("T1");
        RefcountStats t2 = interp.refcountStats("T2");
        assertEquals(new RefcountStats(t2.threadId(), "T2", 0, 11, 0, 1, 0), t2);
        assertEquals(1, t1.nonAtomic());
        assertEquals(1, t1.atomic());
        assertEquals(1, t1.merges());
        assertTrue(interp.shutdown().clean(), interp.shutdown().toString());
      }
    }

    @Test
    void theOwnerDroppingItsLastReferenceMergesAndTheOtherThreadFreesIt() {
      try (Interpreter interp = freeThreaded(1).build()) {
        PyObject[] obj = new PyObject[1];
        int[] afterOwnerDecref = new int[1];
        interp.start(
            "T1",
            () -> {
              PyObject o = PyUnicode.of("shared");
              obj[0] = o;
              interp.start(
                  "T2",
                  () -> {
                    o.incref(); // atomic: shared count 1
                    Work.sleep(Duration.ofMillis(2));
                    o.decref(); // the merged count reaches 0: T2 deallocates
                  });
              Work.sleep(Duration.ofMillis(1));
              o.decref(); // local 0, shared 1: merge, and the object lives on
              afterOwnerDecref[0] = o.refcnt();
            });
        interp.awaitThreads();
        assertEquals(1, afterOwnerDecref[0]);
        assertTrue(obj[0].isFreed());
        assertEquals(1, interp.refcountStats("T1").merges());
        List<TraceEvent> frees = interp.trace().events(TraceEvent.Kind.OBJECT_FREED);
        assertEquals(1, frees.size());
        assertEquals("T2", frees.get(0).thread());
        assertTrue(interp.shutdown().clean(), interp.shutdown().toString());
      }
    }

    @Test
    void noPrematureFreeAndNoLeakAcrossSeededSchedules() {
      Set<String> freers = new HashSet<>();
      long merges = 0;
      long queued = 0;
      for (long seed = 0; seed < 60; seed++) {
        SplittableRandom random = new SplittableRandom(seed);
        int mainIterations = random.nextInt(10, 3_000);
        int workerIterations = random.nextInt(10, 2_000);
        try (Interpreter interp = freeThreaded(seed).jitter(0.5).build()) {
          PyObject[] obj = new PyObject[1];
          interp.run(
              () -> {
                PyObject o = PyList.ofStrings("a", "b");
                obj[0] = o;
                for (String name : new String[] {"T1", "T2"}) {
                  o.incref(); // the worker's reference
                  interp.start(
                      name,
                      () -> {
                        Eval.loop(
                            workerIterations,
                            i -> {
                              o.incref();
                              Eval.instruction();
                              o.decref();
                            });
                        o.decref();
                      });
                }
                Eval.loop(
                    mainIterations,
                    i -> {
                      o.incref();
                      Eval.instruction();
                      o.decref();
                    });
                o.decref();
              });
          ShutdownReport report = interp.shutdown();
          String where = "seed " + seed + ": ";
          assertTrue(interp.threadExceptions().isEmpty(), where + interp.threadExceptions());
          assertTrue(obj[0].isFreed(), where + "the list leaked: " + report);
          assertTrue(report.clean(), where + report);
          List<String> listFreedBy = new ArrayList<>();
          for (TraceEvent e : interp.trace().events(TraceEvent.Kind.OBJECT_FREED)) {
            if (e.detail().startsWith("list")) {
              listFreedBy.add(e.thread());
            }
          }
          assertEquals(1, listFreedBy.size(), where + "the list was freed by " + listFreedBy);
          freers.add(listFreedBy.get(0));
          RefcountStats all = RefcountStats.total("all", interp.refcountStats());
          merges += all.merges();
          queued += all.queued();
        }
      }
      assertTrue(freers.size() >= 2, "the last reference was dropped by: " + freers);
      assertTrue(freers.contains("MainThread"), "the owner freed it in some runs: " + freers);
      assertTrue(merges > 0 && queued > 0, "merges " + merges + ", queued " + queued);
    }

    @Test
    void theShareOfNonAtomicOperationsIsReportedInStatsAndTrace() {
      try (Interpreter interp = freeThreaded(3).build()) {
        interp.start(
            "T1",
            () -> {
              PyObject mine = PyLong.fromLong(10_000);
              PyObject shared = PyLong.fromLong(20_000);
              interp.start("T2", () -> Eval.loop(10, i -> shared.incref().decref()));
              Eval.loop(90, i -> mine.incref().decref());
              Work.sleep(Duration.ofMillis(1));
              mine.decref();
              shared.decref();
            });
        interp.awaitThreads();
        RefcountStats all = RefcountStats.total("all", interp.refcountStats());
        assertEquals(182, all.nonAtomic());
        assertEquals(20, all.atomic());
        assertEquals(182.0 / 202, all.nonAtomicShare(), 1e-9);
        String json = interp.trace().toJson();
        assertTrue(json.contains("\"gilEnabled\":false"), json.substring(0, 400));
        assertTrue(json.contains("\"refcountNonAtomicOps\":182"), json.substring(0, 400));
        assertTrue(json.contains("\"refcountAtomicOps\":20"), json.substring(0, 400));
        assertTrue(interp.shutdown().clean(), interp.shutdown().toString());
      }
    }
  }

  @Nested
  class ImmortalObjects {

    @Test
    void noneBoolsAndSmallIntsAreNeitherCountedNorFreed() {
      try (Interpreter interp = freeThreaded(1).build()) {
        long[] seen = new long[4];
        Runnable body =
            () -> {
              PyNone none = PyNone.get();
              PyLong five = PyLong.fromLong(5);
              PyBool yes = PyBool.of(true);
              for (int i = 0; i < 10_000; i++) {
                none.decref(); // far more decrefs than references: still nothing happens
                five.decref();
                yes.incref();
              }
              seen[0] = Sys.getrefcount(none);
              seen[1] = none.refcnt();
              seen[2] = none.isImmortal() && five.isImmortal() && yes.isImmortal() ? 1 : 0;
              seen[3] = none.isFreed() || five.isFreed() ? 1 : 0;
            };
        interp.start("A", body);
        interp.start("B", body);
        interp.awaitThreads();
        assertTrue(interp.threadExceptions().isEmpty(), interp.threadExceptions().toString());
        assertEquals(PyObject.IMMORTAL_REFCNT, seen[0]);
        assertEquals(Integer.MAX_VALUE, seen[1]);
        assertEquals(1, seen[2]);
        assertEquals(0, seen[3]);
        RefcountStats a = interp.refcountStats("A");
        assertEquals(0, a.operations());
        assertEquals(30_000 + 3 + 2, a.immortal());
        assertTrue(interp.shutdown().clean(), interp.shutdown().toString());
      }
    }

    @Test
    void withTheGilOnNoneHasAnOrdinaryCountAsOn311() {
      try (Interpreter interp = Runs.virtual(1).build()) {
        long[] seen = new long[2];
        interp.run(
            () -> {
              PyNone none = PyNone.get();
              seen[0] = none.isImmortal() ? 1 : 0;
              seen[1] = Sys.getrefcount(none);
              none.decref();
            });
        assertEquals(0, seen[0]);
        assertEquals(PyNone.INITIAL_REFCNT + 2, seen[1]);
      }
    }
  }

  @Nested
  class WithTheGilOn {

    @Test
    void nothingIsCountedAndTheTraceHasNoRefcountFields() {
      try (Interpreter interp = Runs.virtual(1).build()) {
        interp.start(
            "A",
            () -> {
              PyObject o = PyLong.fromLong(1_000);
              o.incref();
              o.decref();
              o.decref();
            });
        interp.awaitThreads();
        assertTrue(interp.gilEnabled());
        assertEquals(new RefcountStats(1, "A", 0, 0, 0, 0, 0), interp.refcountStats("A"));
        assertFalse(interp.trace().toJson().contains("refcount"));
        assertFalse(interp.trace().toJson().contains("gilEnabled"));
        assertEquals(1, interp.trace().events(TraceEvent.Kind.OBJECT_FREED).size());
      }
    }
  }
}

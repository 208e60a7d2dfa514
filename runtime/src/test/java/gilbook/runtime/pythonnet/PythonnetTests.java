package gilbook.runtime.pythonnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gilbook.runtime.Cond;
import gilbook.runtime.DeadlockError;
import gilbook.runtime.Eval;
import gilbook.runtime.GilStateError;
import gilbook.runtime.Interpreter;
import gilbook.runtime.Mutex;
import gilbook.runtime.PyList;
import gilbook.runtime.PyThreadState;
import gilbook.runtime.Runs;
import gilbook.runtime.ThreadStats;
import gilbook.runtime.TraceEvent;
import gilbook.runtime.Work;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PythonnetTests {
  private static final long MS = 1_000_000;

  private static Interpreter virtual(long seed) {
    return Runs.virtual(seed).build();
  }

  private static void assertClean(Interpreter interp) {
    Runs.assertClean(interp);
  }

  /** A .NET worker thread: waits a little for the engine, then runs Python code under Py.GIL(). */
  private static Runnable worker() {
    return () -> {
      Work.sleep(Duration.ofNanos(100_000));
      try (GilState gil = Py.gil()) {
        PyList.ofLongs(1, 2, 3).decref();
        Eval.instructions(100);
      }
    };
  }

  @Nested
  class StartingTheEngine {

    @Test
    void initializeLeavesTheCallingThreadHoldingTheGil() {
      try (Interpreter interp = virtual(1)) {
        List<Boolean> seen = new ArrayList<>();
        interp.startNative(
            "Main",
            () -> {
              seen.add(PyThreadState.get().holdsGil());
              PythonEngine.initialize(interp);
              seen.add(PyThreadState.get().holdsGil());
              seen.add(PythonEngine.isInitialized());
              PyThreadState state = PythonEngine.beginAllowThreads();
              seen.add(PyThreadState.get().holdsGil());
              PythonEngine.endAllowThreads(state);
              seen.add(PyThreadState.get().holdsGil());
              PythonEngine.shutdown();
              seen.add(PyThreadState.get().holdsGil());
            });
        interp.awaitThreads();
        assertEquals(List.of(false, true, true, false, true, false), seen);
        assertClean(interp);
      }
    }

    private ThreadStats[] run(boolean beginAllowThreads) {
      try (Interpreter interp = virtual(1)) {
        interp.startNative(
            "Main",
            () -> {
              PythonEngine.initialize(interp);
              PyThreadState state = beginAllowThreads ? PythonEngine.beginAllowThreads() : null;
              Work.cpu(Duration.ofMillis(20)); // the C# program's own work
              if (state != null) {
                PythonEngine.endAllowThreads(state);
              }
              PythonEngine.shutdown();
            });
        interp.startNative("Worker", worker());
        interp.awaitThreads();
        assertClean(interp);
        return new ThreadStats[] {interp.threadStats("Main"), interp.threadStats("Worker")};
      }
    }

    @Test
    void forgettingBeginAllowThreadsStarvesAWorkerUntilTheMainThreadLetsGo() {
      ThreadStats[] stats = run(false);
      ThreadStats worker = stats[1];
      assertTrue(worker.waited() >= 19 * MS, "the worker waited for the GIL: " + worker);
      assertTrue(worker.ended() >= 20 * MS, "the worker finished only after Main: " + worker);
    }

    @Test
    void beginAllowThreadsRightAfterInitializeLetsWorkersRun() {
      ThreadStats[] stats = run(true);
      ThreadStats worker = stats[1];
      assertEquals(0, worker.waited(), worker.toString());
      assertTrue(worker.ended() < MS, "the worker ran while Main computed: " + worker);
      assertTrue(stats[0].ended() >= 20 * MS, stats[0].toString());
    }

    @Test
    void pyGilBeforeInitializeSaysToInitializeFirst() {
      try (Interpreter interp = virtual(1)) {
        interp.startNative("Worker", () -> Py.gil().close());
        interp.awaitThreads();
        Throwable error = interp.threadExceptions().get("Worker");
        assertInstanceOf(GilStateError.class, error);
        assertTrue(error.getMessage().contains("PythonEngine.initialize"), error.getMessage());
      }
    }
  }

  @Nested
  class GilHandles {

    @Test
    void closingAGilHandleOnAnotherThreadIsAnErrorNamingBothThreads() {
      try (Interpreter interp = virtual(1)) {
        AtomicReference<GilState> shared = new AtomicReference<>();
        interp.startNative(
            "Main",
            () -> {
              PythonEngine.initialize(interp);
              PyThreadState state = PythonEngine.beginAllowThreads();
              GilState gil = Py.gil();
              shared.set(gil);
              Work.cpu(Duration.ofMillis(1)); // the thief tries meanwhile
              gil.close();
              PythonEngine.endAllowThreads(state);
              PythonEngine.shutdown();
            });
        interp.startNative(
            "Thief",
            () -> {
              Work.sleep(Duration.ofNanos(500_000));
              shared.get().close();
            });
        interp.awaitThreads();
        Throwable error = interp.threadExceptions().get("Thief");
        assertInstanceOf(GilStateError.class, error);
        String message = error.getMessage();
        assertTrue(message.contains("thread Thief released a Py.GIL() handle"), message);
        assertTrue(message.contains("that thread Main took"), message);
        assertFalse(interp.threadExceptions().containsKey("Main"));
        assertTrue(interp.shutdown().clean(), interp.shutdown().toString());
      }
    }

    @Test
    void endAllowThreadsOnAnotherThreadIsAnError() {
      try (Interpreter interp = virtual(1)) {
        AtomicReference<PyThreadState> saved = new AtomicReference<>();
        interp.startNative(
            "Main",
            () -> {
              PythonEngine.initialize(interp);
              saved.set(PythonEngine.beginAllowThreads());
            });
        interp.startNative(
            "Other",
            () -> {
              Work.sleep(Duration.ofNanos(500_000));
              PythonEngine.endAllowThreads(saved.get());
            });
        interp.awaitThreads();
        Throwable error = interp.threadExceptions().get("Other");
        assertInstanceOf(GilStateError.class, error);
        assertTrue(error.getMessage().contains("call EndAllowThreads on Main"), error.getMessage());
      }
    }
  }

  @Nested
  class ShuttingDown {

    /** Main starts the engine, then has another thread shut it down and waits for it natively. */
    private Interpreter run(boolean endAllowThreads) {
      Interpreter interp = virtual(1);
      Mutex mutex = interp.clock().newMutex("shutdown_done");
      Cond cond = interp.clock().newCond("shutdown_done", mutex);
      boolean[] done = new boolean[1];
      interp.startNative(
          "Main",
          () -> {
            PythonEngine.initialize(interp);
            PyThreadState state = PythonEngine.beginAllowThreads();
            interp.startNative(
                "Closer",
                () -> {
                  Work.sleep(Duration.ofMillis(1));
                  PythonEngine.shutdown();
                  mutex.lock();
                  done[0] = true;
                  cond.broadcast();
                  mutex.unlock();
                });
            if (endAllowThreads) {
              PythonEngine.endAllowThreads(state);
            }
            mutex.lock(); // C#'s Thread.Join: a native wait that keeps whatever Main holds
            while (!done[0]) {
              cond.await();
            }
            mutex.unlock();
          });
      return interp;
    }

    @Test
    void shutdownFromAnotherThreadAfterEndAllowThreadsDeadlocksAndIsReported() {
      Interpreter interp = run(true);
      DeadlockError error = assertThrows(DeadlockError.class, interp::awaitThreads);
      String report = error.getMessage();
      assertTrue(report.contains("Closer waits for the GIL (held by Main)"), report);
      assertTrue(report.contains("Main"), report);
      assertTrue(interp.shutdown().runEnd().contains("deadlock"), interp.shutdown().toString());
    }

    @Test
    void aHoldStillOpenAtTheDeadlockCountsInTheStatistics() {
      Interpreter interp = run(true);
      assertThrows(DeadlockError.class, interp::awaitThreads);
      ThreadStats main = interp.threadStats("Main");
      // Main took the GIL back and kept it until the end: its lane is all "held".
      assertTrue(main.held() > 0, main.toString());
      assertEquals(main.held(), main.longestHold() + earlierHolds(interp, "Main"), main.toString());
      assertTrue(main.longestHold() > 0, "the open hold is the longest: " + main);
      interp.shutdown();
    }

    /** The held time of {@code name}'s closed holds before the open one, from the trace. */
    private long earlierHolds(Interpreter interp, String name) {
      long total = 0;
      long since = -1;
      for (TraceEvent e : interp.trace().events()) {
        if (!e.thread().equals(name)) {
          continue;
        }
        if (e.kind() == TraceEvent.Kind.TAKE) {
          since = e.time();
        } else if (e.kind() == TraceEvent.Kind.DROP && since >= 0) {
          total += e.time() - since;
          since = -1;
        }
      }
      return total;
    }

    @Test
    void shutdownWhileTheEngineIsNotRunningDoesNothing() {
      try (Interpreter interp = virtual(1)) {
        List<Boolean> held = new ArrayList<>();
        interp.startNative(
            "Main",
            () -> {
              PythonEngine.shutdown(); // never started: pythonnet returns at once
              PythonEngine.initialize(interp);
              PythonEngine.shutdown();
              PythonEngine.shutdown(); // already stopped: again nothing
              held.add(PyThreadState.get().holdsGil());
              held.add(PythonEngine.isInitialized());
            });
        interp.awaitThreads();
        assertEquals(List.of(false, false), held);
        assertEquals(List.of(), List.copyOf(interp.threadExceptions().keySet()));
        long takes =
            interp.trace().events().stream()
                .filter(e -> e.thread().equals("Main") && e.kind() == TraceEvent.Kind.TAKE)
                .count();
        assertEquals(1, takes, "only Initialize took the GIL: " + interp.trace().events());
        assertClean(interp);
      }
    }

    @Test
    void shutdownFromAnotherThreadWithoutEndAllowThreadsFinishesCleanly() {
      Interpreter interp = run(false);
      interp.awaitThreads();
      assertFalse(interp.threadStats("Closer").ended() < 0);
      assertClean(interp);
    }
  }
}

package gilbook.runtime.pyo3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gilbook.runtime.Eval;
import gilbook.runtime.GilNotHeldError;
import gilbook.runtime.Interpreter;
import gilbook.runtime.PyList;
import gilbook.runtime.PyLong;
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

class PyO3Tests {
  private static final long MS = 1_000_000;

  private static Interpreter virtual(long seed) {
    return Runs.virtual(seed).build();
  }

  private static void assertClean(Interpreter interp) {
    Runs.assertClean(interp);
  }

  /** Runs {@code body} on a native thread and returns the GilNotHeldError it caught. */
  private static GilNotHeldError caught(Interpreter interp, Runnable body) {
    AtomicReference<Throwable> error = new AtomicReference<>();
    interp.startNative(
        "rust",
        () -> {
          try {
            body.run();
          } catch (GilNotHeldError e) {
            error.set(e);
          }
        });
    interp.awaitThreads();
    assertNotNull(error.get(), "expected a GilNotHeldError");
    return assertInstanceOf(GilNotHeldError.class, error.get());
  }

  @Nested
  class TheToken {

    @Test
    void withGilFromANativeThreadTakesTheGilAndReleasesItAfter() {
      try (Interpreter interp = virtual(1)) {
        List<Boolean> seen = new ArrayList<>();
        interp.startNative(
            "rust",
            () -> {
              seen.add(PyThreadState.get().holdsGil());
              long n =
                  Python.withGil(
                      py -> {
                        seen.add(PyThreadState.get().holdsGil() && py.isActive());
                        try (Bound<PyList> list = Bound.fromOwned(py, PyList.ofLongs(1, 2, 3))) {
                          return (long) list.get().size();
                        }
                      });
              seen.add(n == 3);
              seen.add(PyThreadState.get().holdsGil());
            });
        interp.awaitThreads();
        assertEquals(List.of(false, true, true, false), seen);
        assertEquals(1, interp.threadStats("rust").acquisitions());
        assertClean(interp);
      }
    }

    @Test
    void withGilInsideAPythonThreadThatHoldsTheGilNestsWithoutTakingItAgain() {
      try (Interpreter interp = virtual(1)) {
        interp.run(() -> Python.runWithGil(py -> Python.runWithGil(inner -> Eval.instruction())));
        assertEquals(1, interp.threadStats("MainThread").acquisitions());
        assertClean(interp);
      }
    }

    @Test
    void aTokenUsedAfterWithGilReturnedIsRefused() {
      try (Interpreter interp = virtual(1)) {
        GilNotHeldError error =
            caught(
                interp,
                () -> {
                  Python escaped = Python.withGil(py -> py);
                  escaped.allowThreads(() -> {});
                });
        assertTrue(
            error.getMessage().contains("after its with_gil/attach scope ended"),
            error.getMessage());
      }
    }

    @Test
    void aTokenUsedInsideItsOwnAllowThreadsIsRefused() {
      try (Interpreter interp = virtual(1)) {
        GilNotHeldError error =
            caught(
                interp,
                () -> Python.runWithGil(py -> py.allowThreads(() -> py.allowThreads(() -> {}))));
        assertTrue(error.getMessage().contains("inside allow_threads/detach"), error.getMessage());
      }
    }
  }

  @Nested
  class AllowThreads {

    private ThreadStats[] run(boolean release) {
      try (Interpreter interp = virtual(1)) {
        interp.startNative(
            "rust",
            () ->
                Python.runWithGil(
                    py -> {
                      if (release) {
                        py.allowThreads(() -> Work.cpu(Duration.ofMillis(10)));
                      } else {
                        Work.cpu(Duration.ofMillis(10));
                      }
                    }));
        interp.start(
            "python",
            () -> {
              Work.sleep(Duration.ofMillis(1)); // lets rust take the GIL first
              Eval.loop(20_000, i -> {});
            });
        interp.awaitThreads();
        assertClean(interp);
        return new ThreadStats[] {interp.threadStats("rust"), interp.threadStats("python")};
      }
    }

    @Test
    void workInsideAllowThreadsRunsWithoutTheGilWhileAnotherThreadProgresses() {
      ThreadStats[] stats = run(true);
      ThreadStats rust = stats[0];
      ThreadStats python = stats[1];
      assertEquals(0, rust.cpuWithGil(), rust.toString());
      assertEquals(10 * MS, rust.ranWithoutGil(), rust.toString());
      assertTrue(python.ended() < rust.ended(), "python ran during the computation: " + python);
    }

    @Test
    void withoutAllowThreadsTheOtherThreadWaitsForTheWholeComputation() {
      ThreadStats[] stats = run(false);
      assertEquals(10 * MS, stats[0].cpuWithGil(), stats[0].toString());
      assertTrue(stats[1].waited() >= 8 * MS, stats[1].toString());
      assertTrue(stats[1].ended() > stats[0].ended(), stats[1].toString());
    }

    @Test
    void detachAndAttachAreAliasesOfAllowThreadsAndWithGil() {
      try (Interpreter interp = virtual(1)) {
        List<Boolean> seen = new ArrayList<>();
        interp.startNative(
            "rust",
            () ->
                Python.runAttached(
                    py -> {
                      int got =
                          py.detach(
                              () -> {
                                seen.add(PyThreadState.get().holdsGil());
                                return Python.attach(inner -> inner.isActive() ? 1 : 0);
                              });
                      seen.add(got == 1);
                      py.detach(() -> seen.add(PyThreadState.get().holdsGil()));
                      seen.add(py.isActive());
                    }));
        interp.awaitThreads();
        assertEquals(List.of(false, true, false, true), seen);
        assertEquals(4, interp.threadStats("rust").acquisitions());
        List<String> drops = new ArrayList<>();
        interp.trace().events(TraceEvent.Kind.DROP).forEach(e -> drops.add(e.detail()));
        assertEquals(
            List.of("allow threads", "gil state release", "allow threads", "gil state release"),
            drops);
        assertClean(interp);
      }
    }
  }

  @Nested
  class BoundAndPy {

    @Test
    void aBoundUsedInsideAllowThreadsFailsAndTheMessageExplainsUnbindAndBind() {
      try (Interpreter interp = virtual(1)) {
        GilNotHeldError error =
            caught(
                interp,
                () ->
                    Python.runWithGil(
                        py -> {
                          try (Bound<PyList> numbers = Bound.fromOwned(py, PyList.ofLongs(1, 2))) {
                            py.allowThreads(() -> numbers.get().size());
                          }
                        }));
        String message = error.getMessage();
        assertTrue(message.contains("Bound<list>"), message);
        assertTrue(message.contains("inside allow_threads/detach"), message);
        assertTrue(message.contains("unbind()"), message);
        assertTrue(message.contains("bind(py)"), message);
        assertTrue(message.contains("Ungil"), message);
        assertClean(interp);
      }
    }

    @Test
    void aBoundOfAnOuterScopeStaysUnusableInAWithGilInsideAllowThreads() {
      try (Interpreter interp = virtual(1)) {
        GilNotHeldError error =
            caught(
                interp,
                () ->
                    Python.runWithGil(
                        py -> {
                          try (Bound<PyList> numbers = Bound.fromOwned(py, PyList.ofLongs(1))) {
                            py.allowThreads(() -> Python.runWithGil(inner -> numbers.get().size()));
                          }
                        }));
        assertTrue(error.getMessage().contains("unbind()"), error.getMessage());
        assertClean(interp);
      }
    }

    @Test
    void aBoundFromOneScopeUsedInALaterScopeIsRefused() {
      try (Interpreter interp = virtual(1)) {
        GilNotHeldError error =
            caught(
                interp,
                () -> {
                  Bound<PyList> escaped =
                      Python.withGil(py -> Bound.fromOwned(py, PyList.ofLongs(1, 2)));
                  Python.runWithGil(py -> escaped.get().size());
                });
        String message = error.getMessage();
        assertTrue(message.contains("after its with_gil/attach scope ended"), message);
        assertTrue(message.contains("bind(py)"), message);
      }
    }

    @Test
    void aBoundUsedOnAnotherThreadIsRefused() {
      try (Interpreter interp = virtual(1)) {
        AtomicReference<Bound<PyList>> shared = new AtomicReference<>();
        AtomicReference<Throwable> error = new AtomicReference<>();
        interp.start(
            "owner",
            () ->
                Python.runWithGil(
                    py -> {
                      try (Bound<PyList> list = Bound.fromOwned(py, PyList.ofLongs(7))) {
                        shared.set(list);
                        Work.sleep(Duration.ofMillis(1)); // GIL released; the thief runs
                      }
                    }));
        interp.startNative(
            "thief",
            () -> {
              Work.sleep(Duration.ofNanos(500_000));
              Python.runWithGil(
                  py -> {
                    try {
                      shared.get().get();
                    } catch (GilNotHeldError e) {
                      error.set(e);
                    }
                  });
            });
        interp.awaitThreads();
        String message = error.get().getMessage();
        assertTrue(message.contains("made on thread owner"), message);
        assertTrue(message.contains("used by thread thief"), message);
        assertTrue(message.contains("not Send"), message);
        assertClean(interp);
      }
    }

    @Test
    void aPyBoundAgainInsideWithGilUpdatesTheListInPlace() {
      try (Interpreter interp = virtual(1)) {
        List<Long> after = new ArrayList<>();
        interp.startNative(
            "rust",
            () ->
                Python.runWithGil(
                    py -> {
                      Bound<PyList> numbers = Bound.fromOwned(py, PyList.ofLongs(1, 2, 3));
                      int n = numbers.get().size();
                      Py<PyList> ref = numbers.unbind();
                      py.allowThreads(
                          () -> {
                            for (int i = 0; i < n; i++) {
                              int index = i;
                              long value =
                                  Python.withGil(
                                      inner ->
                                          ((PyLong) ref.bind(inner).get().getItem(index)).asLong());
                              Work.cpu(Duration.ofMillis(1));
                              Python.runWithGil(
                                  inner -> {
                                    PyLong result = PyLong.fromLong(value * 100);
                                    ref.bind(inner).get().setItem(index, result);
                                    result.decref();
                                  });
                            }
                          });
                      Bound<PyList> back = ref.intoBound(py);
                      for (int i = 0; i < n; i++) {
                        after.add(((PyLong) back.get().getItem(i)).asLong());
                      }
                      back.close();
                    }));
        interp.awaitThreads();
        assertEquals(List.of(100L, 200L, 300L), after);
        ThreadStats rust = interp.threadStats("rust");
        assertEquals(1 + 3 * 2 + 1, rust.acquisitions(), rust.toString());
        assertEquals(0, rust.cpuWithGil(), rust.toString());
        assertClean(interp);
      }
    }

    @Test
    void cloneUnbindAndDropKeepTheCountsBalanced() {
      try (Interpreter interp = virtual(1)) {
        List<Integer> counts = new ArrayList<>();
        interp.startNative(
            "rust",
            () -> {
              Py<PyList> kept =
                  Python.withGil(
                      py -> {
                        Bound<PyList> list = Bound.fromOwned(py, PyList.empty());
                        Bound<PyList> second = list.clone();
                        counts.add(list.get().refcnt());
                        second.close();
                        counts.add(list.get().refcnt());
                        return list.unbind();
                      });
              Python.runWithGil(
                  py -> {
                    Py<PyList> copy = kept.cloneRef(py);
                    counts.add(kept.bind(py).get().refcnt());
                    copy.drop(py);
                    kept.drop(py);
                  });
            });
        interp.awaitThreads();
        assertEquals(List.of(2, 1, 2), counts);
        assertClean(interp);
      }
    }

    @Test
    void aPyNeverDroppedIsReportedAsALeak() {
      try (Interpreter interp = virtual(1)) {
        interp.startNative(
            "rust", () -> Python.withGil(py -> Bound.fromOwned(py, PyList.empty()).unbind()));
        interp.awaitThreads();
        assertFalse(interp.shutdown().clean(), interp.shutdown().toString());
      }
    }

    @Test
    void aBoundUsedAfterUnbindSaysToUseThePy() {
      try (Interpreter interp = virtual(1)) {
        AtomicReference<Throwable> error = new AtomicReference<>();
        interp.startNative(
            "rust",
            () ->
                Python.runWithGil(
                    py -> {
                      Bound<PyList> list = Bound.fromOwned(py, PyList.empty());
                      Py<PyList> ref = list.unbind();
                      error.set(assertThrows(IllegalStateException.class, list::get));
                      list.close(); // no-op: the Py owns the reference now
                      ref.drop(py);
                    }));
        interp.awaitThreads();
        assertTrue(error.get().getMessage().contains("moved by unbind()"));
        assertClean(interp);
      }
    }
  }
}

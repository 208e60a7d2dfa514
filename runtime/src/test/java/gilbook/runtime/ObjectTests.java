package gilbook.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ObjectTests {

  /** Runs {@code main} in a fresh virtual interpreter and returns its shutdown report. */
  private static ShutdownReport run(Runnable main) {
    Interpreter interp = Runs.virtual(1).build();
    interp.run(main);
    return interp.shutdown();
  }

  @Nested
  class GetRefCount {

    @Test
    void twoNamesAndTheArgumentGiveThree() {
      long[] seen = new long[1];
      run(
          () -> {
            PyList a = PyList.ofStrings("A", "B"); // a = ["A", "B"]
            PyObject b = a.incref(); // b = a
            seen[0] = Sys.getrefcount(a);
            b.decref();
            a.decref();
          });
      assertEquals(3, seen[0]);
    }

    @Test
    void theCallGivesItsArgumentReferenceBack() {
      int[] before = new int[1];
      int[] after = new int[1];
      run(
          () -> {
            PyList a = PyList.empty();
            before[0] = a.refcnt();
            Sys.getrefcount(a);
            after[0] = a.refcnt();
            a.decref();
          });
      assertEquals(before[0], after[0]);
    }

    @Test
    void smallIntsAreSharedAndHaveHugeCountsLikeCpython311() {
      long[] count = new long[1];
      boolean[] same = new boolean[1];
      run(
          () -> {
            PyLong x = PyLong.fromLong(7);
            PyLong y = PyLong.fromLong(7);
            same[0] = x == y;
            count[0] = Sys.getrefcount(x);
            x.decref();
            y.decref();
          });
      assertTrue(same[0], "7 is a cached small int");
      assertTrue(count[0] > 1_000_000_000L, "count was " + count[0]);
    }
  }

  @Nested
  class Deallocation {

    @Test
    void theLastDecrefFreesTheObjectAndWhatItHolds() {
      List<String> freed = new ArrayList<>();
      Interpreter interp = Runs.virtual(1).build();
      interp.addListener(
          new GilListener() {
            @Override
            public void onObjectFreed(TraceEvent event) {
              freed.add(event.detail());
            }
          });
      interp.run(
          () -> {
            PyList list = PyList.ofStrings("A", "B");
            list.decref();
          });
      assertEquals(3, freed.size(), "the list and its two strings: " + freed);
      assertTrue(freed.get(0).startsWith("list object at 0x"), freed.get(0));
      assertTrue(interp.shutdown().clean(), interp.shutdown().toString());
    }

    @Test
    void usingAFreedObjectIsADanglingPointerErrorThatNamesIt() {
      DanglingPointerError error =
          assertThrows(
              DanglingPointerError.class,
              () ->
                  run(
                      () -> {
                        PyList list = PyList.ofStrings("A", "B");
                        list.decref();
                        list.append(PyNone.get());
                      }));
      assertTrue(error.getMessage().contains("dangling pointer"), error.getMessage());
      assertTrue(error.getMessage().contains("list object at 0x"), error.getMessage());
      assertTrue(error.getMessage().contains("['A', 'B']"), error.getMessage());
      assertTrue(error.getMessage().contains("MainThread"), error.getMessage());
    }

    @Test
    void aBorrowedItemDiesWithItsList() {
      assertThrows(
          DanglingPointerError.class,
          () ->
              run(
                  () -> {
                    PyList list = PyList.ofStrings("kept?");
                    PyObject borrowed = list.getItem(0);
                    list.decref();
                    borrowed.repr();
                  }));
    }

    @Test
    void popHandsTheListsReferenceToTheCaller() {
      ShutdownReport report =
          run(
              () -> {
                PyList list = PyList.ofStrings("x");
                PyObject item = list.pop();
                list.decref();
                item.decref(); // we own it now; this frees it
              });
      assertTrue(report.clean(), report.toString());
    }

    @Test
    void dictsHoldTheirKeysAndValuesAndReleaseThem() {
      int[] counts = new int[3];
      ShutdownReport report =
          run(
              () -> {
                PyDict d = PyDict.empty();
                PyLong big = PyLong.fromLong(1_000_000);
                d.setItem("n", big);
                counts[0] = big.refcnt();
                d.setItem("n", PyNone.get());
                counts[1] = big.refcnt();
                PyNone.get().decref();
                big.decref();
                d.delItem("n");
                counts[2] = d.size();
                d.decref();
              });
      assertEquals(2, counts[0], "ours and the dict's");
      assertEquals(1, counts[1], "replacing the value released the dict's reference");
      assertEquals(0, counts[2]);
      assertTrue(report.leaks().isEmpty(), report.toString());
    }

    @Test
    void decrefOfNoneToZeroFailsLikeCpythonsFatalError() {
      SimulationError error =
          assertThrows(
              SimulationError.class,
              () ->
                  run(
                      () -> {
                        PyNone none = PyNone.get();
                        for (int i = 0; i < PyNone.INITIAL_REFCNT + 1; i++) {
                          none.decref();
                        }
                      }));
      assertTrue(error.getMessage().contains("deallocating None"), error.getMessage());
    }
  }

  @Nested
  class Leaks {

    @Test
    void objectsStillReferencedAtShutdownAreReported() {
      ShutdownReport report =
          run(
              () -> {
                PyList kept = PyList.ofStrings("A", "B");
                kept.incref(); // one incref too many
                kept.decref();
              });
      assertEquals(3, report.leaks().size(), "the list and the two strings it holds");
      assertEquals(1, report.rootLeaks().size(), report.toString());
      ShutdownReport.Leak leak = report.rootLeaks().get(0);
      assertEquals("list", leak.type());
      assertEquals("['A', 'B']", leak.repr());
      assertEquals(1, leak.refcnt());
      assertEquals("MainThread", leak.createdBy());
      assertTrue(report.toString().contains("leak: list object at 0x"), report.toString());
      assertTrue(report.toString().contains("2 more objects kept alive"), report.toString());
    }

    @Test
    void startUpObjectsAreNotLeaks() {
      ShutdownReport report =
          run(
              () -> {
                PyNone.get();
                PyBool.of(true);
                PyLong.fromLong(3);
              });
      assertTrue(report.leaks().isEmpty(), report.toString());
    }
  }

  @Nested
  class TheGilRule {

    @Test
    void touchingAnObjectWithoutTheGilNamesTheThreadAndTheObject() {
      GilNotHeldError error =
          assertThrows(
              GilNotHeldError.class,
              () ->
                  run(
                      () -> {
                        PyList list = PyList.ofStrings("shared");
                        try {
                          Eval.allowThreads(list::size);
                        } finally {
                          list.decref();
                        }
                      }));
      assertTrue(error.getMessage().contains("thread MainThread"), error.getMessage());
      assertTrue(error.getMessage().contains("list object at 0x"), error.getMessage());
      assertTrue(error.getMessage().contains("without holding the GIL"), error.getMessage());
    }

    @Test
    void aJavaThreadThatIsNotAPythonThreadCannotMakeObjects() {
      IllegalStateException error = assertThrows(IllegalStateException.class, PyList::empty);
      assertTrue(error.getMessage().contains("is not a Python thread"), error.getMessage());
    }

    @Test
    void objectsCannotCrossInterpreters() {
      AtomicReference<PyList> fromFirst = new AtomicReference<>();
      Interpreter first = Runs.virtual(1).build();
      first.run(() -> fromFirst.set(PyList.empty()));
      Interpreter second = Runs.virtual(2).build();
      SimulationError error =
          assertThrows(SimulationError.class, () -> second.run(() -> fromFirst.get().size()));
      assertTrue(error.getMessage().contains("another interpreter"), error.getMessage());
      first.close();
      second.close();
    }
  }

  @Nested
  class PythonExceptions {

    @Test
    void indexAndKeyErrorsAreOrdinaryPythonExceptions() {
      List<String> types = new ArrayList<>();
      run(
          () -> {
            PyList list = PyList.empty();
            PyDict dict = PyDict.empty();
            try {
              list.pop();
            } catch (PyException e) {
              types.add(e.type());
            }
            try {
              dict.getItem("missing");
            } catch (PyException e) {
              types.add(e.type());
            }
            try {
              dict.setItem(list, list);
            } catch (PyException e) {
              types.add(e.type());
            }
            list.decref();
            dict.decref();
          });
      assertEquals(List.of("IndexError", "KeyError", "TypeError"), types);
    }

    @Test
    void negativeIndexesCountFromTheEnd() {
      AtomicReference<String> last = new AtomicReference<>();
      run(
          () -> {
            PyList list = PyList.ofLongs(1, 2, 3);
            last.set(list.getItem(-1).repr());
            list.decref();
          });
      assertSame("3", last.get().intern());
    }
  }
}

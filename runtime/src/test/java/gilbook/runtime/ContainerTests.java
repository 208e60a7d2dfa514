package gilbook.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@link PyTuple}, {@link PySet}, {@link PyDictView} and the list and dict operations the bytecode
 * VM uses: each follows {@link PyList}'s reference rules, and none leaks.
 */
class ContainerTests {
  private static ShutdownReport run(Runnable main) {
    Interpreter interp = Runs.virtual(1).build();
    interp.run(main);
    return interp.shutdown();
  }

  @Nested
  class Tuples {
    @Test
    void aTupleTakesItsOwnReferencesAndDropsThemWhenFreed() {
      int[] counts = new int[3];
      ShutdownReport report =
          run(
              () -> {
                PyUnicode s = PyUnicode.of("a");
                PyTuple t = PyTuple.of(s, s);
                counts[0] = s.refcnt(); // the caller's one and the tuple's two
                assertEquals("('a', 'a')", t.repr());
                assertEquals(2, t.length());
                assertEquals(s, t.borrowItem(-1));
                t.decref();
                counts[1] = s.refcnt();
                s.decref();
              });
      assertEquals(3, counts[0]);
      assertEquals(1, counts[1]);
      assertTrue(report.clean(), report.toString());
    }

    @Test
    void aOneItemTupleShowsItsCommaAndAnIndexOutOfRangeIsAnIndexError() {
      ShutdownReport report =
          run(
              () -> {
                PyLong n = PyLong.fromLong(1000);
                PyTuple t = PyTuple.of(n);
                assertEquals("(1000,)", t.repr());
                PyException e = assertThrows(PyException.class, () -> t.borrowItem(1));
                assertEquals("IndexError", e.type());
                t.decref();
                n.decref();
              });
      assertTrue(report.clean(), report.toString());
    }

    @Test
    void aTupleOfHashableItemsIsADictKey() {
      ShutdownReport report =
          run(
              () -> {
                PyLong a = PyLong.fromLong(1000);
                PyUnicode b = PyUnicode.of("b");
                PyTuple k1 = PyTuple.of(a, b);
                PyTuple k2 = PyTuple.of(a, b); // equal, not the same object
                PyDict d = PyDict.empty();
                d.storeItem(k1, b);
                assertEquals(b, d.borrowItem(k2));
                d.deleteItem(k2);
                assertEquals(null, d.borrowItem(k1));
                PyList l = PyList.empty();
                PyTuple bad = PyTuple.of(l);
                assertEquals(
                    "TypeError", assertThrows(PyException.class, () -> d.storeItem(bad, b)).type());
                for (PyObject o : List.of(bad, l, d, k2, k1, b, a)) {
                  o.decref();
                }
              });
      assertTrue(report.clean(), report.toString());
    }
  }

  @Nested
  class Sets {
    @Test
    void addingTakesAReferenceOnceAndDiscardingDropsIt() {
      int[] counts = new int[3];
      ShutdownReport report =
          run(
              () -> {
                PySet set = PySet.empty();
                PyUnicode s = PyUnicode.of("x");
                PyUnicode same = PyUnicode.of("x");
                set.addItem(s);
                set.addItem(same); // equal: not added again
                counts[0] = s.refcnt();
                counts[1] = same.refcnt();
                assertTrue(set.containsItem(same));
                assertEquals(1, set.length());
                assertEquals("{'x'}", set.repr());
                assertTrue(set.discardItem(same));
                assertFalse(set.discardItem(same));
                counts[2] = s.refcnt();
                assertEquals("set()", set.repr());
                set.decref();
                s.decref();
                same.decref();
              });
      assertEquals(List.of(2, 1, 1), List.of(counts[0], counts[1], counts[2]));
      assertTrue(report.clean(), report.toString());
    }

    @Test
    void aFrozensetCannotBeChangedAndFreesItsItems() {
      ShutdownReport report =
          run(
              () -> {
                PySet f = PySet.emptyFrozen();
                PyLong n = PyLong.fromLong(1000);
                f.addItem(n);
                n.decref(); // the frozenset keeps it alive
                assertEquals("frozenset({1000})", f.repr());
                assertThrows(PyException.class, () -> f.discardItem(f.itemsView().get(0)));
                f.decref();
              });
      assertTrue(report.clean(), report.toString());
    }
  }

  @Nested
  class DictViews {
    @Test
    void aViewKeepsItsDictAliveAndSeesChanges() {
      ShutdownReport report =
          run(
              () -> {
                PyDict d = PyDict.empty();
                PyDictView items = PyDictView.of(d, PyDictView.Kind.ITEMS);
                PyDictView keys = PyDictView.of(d, PyDictView.Kind.KEYS);
                d.decref(); // the views keep it alive
                PyUnicode k = PyUnicode.of("a");
                PyLong v = PyLong.fromLong(1000);
                items.dict().storeItem(k, v);
                assertEquals("dict_items([('a', 1000)])", items.repr());
                assertEquals("dict_keys(['a'])", keys.repr());
                assertEquals("dict_items", items.typeName());
                List<PyObject> snap = items.snapshot();
                assertEquals("('a', 1000)", snap.get(0).repr());
                snap.forEach(PyObject::decref);
                k.decref();
                v.decref();
                items.decref();
                keys.decref();
              });
      assertTrue(report.clean(), report.toString());
    }
  }

  @Nested
  class ListAndDictOperations {
    @Test
    void insertPopAndDeleteKeepTheCountsRight() {
      List<Integer> counts = new ArrayList<>();
      ShutdownReport report =
          run(
              () -> {
                PyList l = PyList.ofLongs(1000, 2000);
                PyUnicode s = PyUnicode.of("s");
                l.insertItem(-100, s); // clamps to the front, as CPython does
                l.insertItem(100, s); // and to the end
                counts.add(s.refcnt());
                assertEquals("['s', 1000, 2000, 's']", l.repr());
                PyObject popped = l.popItem(0);
                counts.add(s.refcnt()); // the list's reference is now the caller's
                popped.decref();
                l.deleteItem(-1);
                counts.add(s.refcnt());
                assertEquals("[1000, 2000]", l.repr());
                assertEquals(
                    "IndexError", assertThrows(PyException.class, () -> l.deleteItem(5)).type());
                assertEquals(
                    "IndexError", assertThrows(PyException.class, () -> l.popItem(2)).type());
                s.decref();
                l.decref();
              });
      assertEquals(List.of(3, 3, 1), counts);
      assertTrue(report.clean(), report.toString());
    }

    @Test
    void deletingAMissingKeyIsAKeyError() {
      ShutdownReport report =
          run(
              () -> {
                PyDict d = PyDict.empty();
                PyUnicode k = PyUnicode.of("gone");
                PyException e = assertThrows(PyException.class, () -> d.deleteItem(k));
                assertEquals("KeyError: 'gone'", e.getMessage());
                k.decref();
                d.decref();
              });
      assertTrue(report.clean(), report.toString());
    }
  }
}

package gilbook.exercises.checks.ch08;

import gilbook.runtime.GilListener;
import gilbook.runtime.PyList;
import gilbook.runtime.PyLong;
import gilbook.runtime.PyObject;
import gilbook.runtime.PyThreadState;
import gilbook.runtime.TraceEvent;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who appended what to the results list, judged from the GIL rather than from the code: the list
 * can only change while some thread holds the GIL, so whatever is new in it when a thread drops the
 * GIL (or reaches a host call while holding it) was put there by that thread during its hold.
 *
 * <p>It looks at the list only on a thread that holds the GIL, and only with reads that charge no
 * instruction, so it changes nothing in the run it watches. Confined to the simulation's threads,
 * which run one at a time.
 */
final class AppendLedger implements GilListener {
  /** One item that appeared in the list: its int value, or {@code null} and what it was. */
  record Item(Long value, String what) {
    @Override
    public String toString() {
      return value != null ? value.toString() : what;
    }
  }

  private final Map<String, List<Item>> byThread = new LinkedHashMap<>();
  private PyList results;
  private List<PyObject> seen = List.of();

  /** Starts watching {@code list}, whose current items count as nobody's. Hold the GIL. */
  synchronized void watch(PyList list) {
    results = list;
    seen = list.itemsView();
  }

  /** Attributes what is new in the list to the calling thread, if it holds the GIL. */
  synchronized void observe() {
    PyThreadState ts = PyThreadState.getOrNull();
    if (results == null || results.isFreed() || ts == null || !ts.holdsGil()) {
      return;
    }
    List<PyObject> now = results.itemsView();
    Map<PyObject, Integer> before = new IdentityHashMap<>();
    for (PyObject o : seen) {
      before.merge(o, 1, Integer::sum);
    }
    for (PyObject o : now) {
      Integer left = before.get(o);
      if (left != null && left > 0) {
        before.put(o, left - 1);
      } else {
        byThread.computeIfAbsent(ts.name(), k -> new ArrayList<>()).add(describe(o));
      }
    }
    seen = now;
  }

  private static Item describe(PyObject o) {
    if (o.isFreed()) {
      return new Item(null, "a freed object");
    }
    return o instanceof PyLong n ? new Item(n.asLong(), "") : new Item(null, "a " + o.typeName());
  }

  @Override
  public void onDrop(TraceEvent event) {
    observe();
  }

  /** What each thread appended, in the order it appeared, threads in order of first append. */
  synchronized Map<String, List<Item>> byThread() {
    Map<String, List<Item>> copy = new LinkedHashMap<>();
    byThread.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    return copy;
  }
}

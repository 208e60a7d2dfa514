package gilbook.runtime;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the leaks {@link Interpreter#shutdown()} reports: every object still alive, each marked
 * with whether something outside the live objects still holds it. Called once the interpreter's
 * threads are stopped, so nothing changes the heap meanwhile.
 */
final class LeakFinder {
  private LeakFinder() {}

  /**
   * Every live object of {@code heap}, oldest first. An object is a root leak when its count is
   * higher than the references other live objects own: someone forgot a decref there. The others
   * are only kept alive by those.
   */
  static List<ShutdownReport.Leak> find(Heap heap) {
    List<PyObject> live = heap.live();
    Map<PyObject, Integer> internal = new IdentityHashMap<>();
    for (PyObject o : live) {
      o.traverse(ref -> internal.merge(ref, 1, Integer::sum));
    }
    List<ShutdownReport.Leak> leaks = new ArrayList<>();
    for (PyObject o : live) {
      int count = (int) Math.min(Integer.MAX_VALUE, o.combinedRefcnt());
      boolean root = count > internal.getOrDefault(o, 0);
      leaks.add(
          new ShutdownReport.Leak(
              o.typeName(), o.reprUnchecked(80), count, o.address, o.createdBy, root));
    }
    return leaks;
  }
}

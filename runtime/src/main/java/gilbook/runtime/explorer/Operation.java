package gilbook.runtime.explorer;

import java.util.ArrayList;
import java.util.List;

/**
 * One operation a thread of a {@link Workload} runs on the shared objects, and its micro-steps
 * without any lock.
 *
 * <p>INCREF and DECREF are LOAD, ADD, STORE on {@code X.ob_refcnt}. STORE_REF (container, item) is
 * six: it loads the item's count and the container's size, adds one to each, and stores both, so
 * its two updates overlap and neither can be guarded alone. This record is immutable and
 * thread-safe.
 *
 * @param thread the name of the thread that runs it
 * @param kind what it does
 * @param objects the object it changes; for STORE_REF, the container then the item
 */
public record Operation(String thread, OpKind kind, List<String> objects) {

  /** The field that holds an object's reference count. */
  public static final String REFCNT = "ob_refcnt";

  /** The field that holds how many references a container stores. */
  public static final String SIZE = "ob_size";

  /** Checks the components. */
  public Operation {
    objects = List.copyOf(objects);
    int needed = kind == OpKind.STORE_REF ? 2 : 1;
    if (objects.size() != needed) {
      throw new IllegalArgumentException(kind + " needs " + needed + " object(s), had " + objects);
    }
  }

  /** Returns the objects whose locks a lock-per-object design must hold: one, or two. */
  public List<String> lockedObjects() {
    return objects;
  }

  /** Returns the micro-steps of this operation with no lock, in the order they run. */
  public List<Action> steps() {
    List<Action> steps = new ArrayList<>();
    if (kind == OpKind.STORE_REF) {
      String count = objects.get(1) + "." + REFCNT;
      String size = objects.get(0) + "." + SIZE;
      steps.add(new Action(MicroStep.LOAD, count, 0));
      steps.add(new Action(MicroStep.LOAD, size, 0));
      steps.add(new Action(MicroStep.ADD, count, 1));
      steps.add(new Action(MicroStep.ADD, size, 1));
      steps.add(new Action(MicroStep.STORE, count, 0));
      steps.add(new Action(MicroStep.STORE, size, 0));
    } else {
      String count = objects.get(0) + "." + REFCNT;
      steps.add(new Action(MicroStep.LOAD, count, 0));
      steps.add(new Action(MicroStep.ADD, count, kind == OpKind.INCREF ? 1 : -1));
      steps.add(new Action(MicroStep.STORE, count, 0));
    }
    return List.copyOf(steps);
  }

  /** Returns the operation in words, such as {@code "T1's STORE_REF(A, B)"}. */
  @Override
  public String toString() {
    return thread + "'s " + kind + "(" + String.join(", ", objects) + ")";
  }
}

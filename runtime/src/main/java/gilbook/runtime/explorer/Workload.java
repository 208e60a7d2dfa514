package gilbook.runtime.explorer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Several threads' operations on several shared objects: the starting point of a {@link Program}.
 *
 * <p>Each object has a reference count ({@code X.ob_refcnt}) and, as a container, a size ({@code
 * X.ob_size}, starting at 0). {@link #unprotected()} runs every operation's micro-steps with no
 * lock; {@link #protect(Function)} lets a design add ACQUIRE and RELEASE steps around them.
 *
 * <pre>{@code
 * Workload workload =
 *     Workload.builder()
 *         .object("A", 2).object("B", 2)
 *         .storeRef("T1", "A", "B").decref("T1", "A")
 *         .storeRef("T2", "B", "A").incref("T2", "B")
 *         .build();
 * ProgramResult before = workload.unprotected().explore();
 * ProgramResult after =
 *     workload.protect(op -> withOneLock(op)).explore();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Workload {

  private final Map<String, Integer> objects;
  private final Map<String, List<Operation>> threads;

  private Workload(Builder builder) {
    this.objects = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(builder.objects));
    Map<String, List<Operation>> copy = new LinkedHashMap<>();
    builder.threads.forEach((name, ops) -> copy.put(name, List.copyOf(ops)));
    this.threads = java.util.Collections.unmodifiableMap(copy);
  }

  /** Returns a builder with no objects and no threads. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the objects' names, in the order they were added. */
  public List<String> objects() {
    return List.copyOf(objects.keySet());
  }

  /** Returns the object's reference count before any step runs. */
  public int initialRefcount(String object) {
    Integer count = objects.get(object);
    if (count == null) {
      throw new IllegalArgumentException(
          "\"" + object + "\" is not an object of this workload; its objects are " + objects());
    }
    return count;
  }

  /** Returns the threads' names, in the order they were added. */
  public List<String> threadNames() {
    return List.copyOf(threads.keySet());
  }

  /** Returns the named thread's operations, in program order. */
  public List<Operation> operations(String thread) {
    List<Operation> ops = threads.get(thread);
    if (ops == null) {
      throw new IllegalArgumentException(
          "\"" + thread + "\" is not a thread of this workload; its threads are " + threadNames());
    }
    return ops;
  }

  /** Returns every operation, thread by thread. */
  public List<Operation> operations() {
    List<Operation> all = new ArrayList<>();
    threads.values().forEach(all::addAll);
    return all;
  }

  /**
   * Returns the workload in one line, such as {@code "A.ob_refcnt = 2, B.ob_refcnt = 2; T1 runs
   * STORE_REF(A, B), ..."}.
   */
  public String describe() {
    List<String> parts = new ArrayList<>();
    List<String> counts = new ArrayList<>();
    objects.forEach((name, count) -> counts.add(name + "." + Operation.REFCNT + " = " + count));
    parts.add("start: " + String.join(", ", counts));
    threads.forEach(
        (name, ops) ->
            parts.add(
                name
                    + " runs "
                    + String.join(
                        ", ",
                        ops.stream()
                            .map(op -> op.kind() + "(" + String.join(", ", op.objects()) + ")")
                            .toList())));
    return String.join("; ", parts);
  }

  /** Returns the program that runs every operation's micro-steps with no lock. */
  public Program unprotected() {
    return protect(Operation::steps);
  }

  /**
   * Returns the program in which each operation runs the steps {@code design} gives it: the
   * operation's own {@link Operation#steps()}, in order, with ACQUIRE and RELEASE steps added.
   *
   * @throws IllegalArgumentException naming the operation, if the design returns null, drops, adds
   *     or reorders one of the operation's own steps, releases a lock it does not hold, takes a
   *     lock it already holds, or ends the operation still holding a lock
   */
  public Program protect(Function<Operation, List<Action>> design) {
    List<List<Action>> actions = new ArrayList<>();
    List<List<String>> labels = new ArrayList<>();
    for (List<Operation> ops : threads.values()) {
      List<Action> threadActions = new ArrayList<>();
      List<String> threadLabels = new ArrayList<>();
      for (Operation op : ops) {
        List<Action> steps = design.apply(op);
        Program.check(op, steps);
        threadActions.addAll(steps);
        steps.forEach(step -> threadLabels.add(op.toString()));
      }
      actions.add(threadActions);
      labels.add(threadLabels);
    }
    return new Program(this, actions, labels);
  }

  Map<String, Integer> initialCounts() {
    return objects;
  }

  /** Configures a {@link Workload}; {@link #build()} checks it. Not thread-safe. */
  public static final class Builder {
    private final Map<String, Integer> objects = new LinkedHashMap<>();
    private final Map<String, List<Operation>> threads = new LinkedHashMap<>();

    private Builder() {}

    /** Adds an object with its starting reference count (at least 1). */
    public Builder object(String name, int refcount) {
      if (name == null || name.isBlank() || name.contains(".")) {
        throw new IllegalArgumentException(
            "an object needs a name without dots, was " + (name == null ? "null" : name));
      }
      if (refcount < 1) {
        throw new IllegalArgumentException(
            name + ": a live object holds at least one reference, was " + refcount);
      }
      if (objects.putIfAbsent(name, refcount) != null) {
        throw new IllegalArgumentException("object names must be unique: " + name);
      }
      return this;
    }

    /** Adds {@code Py_INCREF(object)} to the end of the thread's operations. */
    public Builder incref(String thread, String object) {
      return add(new Operation(thread, OpKind.INCREF, List.of(object)));
    }

    /** Adds {@code Py_DECREF(object)} to the end of the thread's operations. */
    public Builder decref(String thread, String object) {
      return add(new Operation(thread, OpKind.DECREF, List.of(object)));
    }

    /** Adds a STORE_REF of {@code item} into {@code container} to the thread's operations. */
    public Builder storeRef(String thread, String container, String item) {
      return add(new Operation(thread, OpKind.STORE_REF, List.of(container, item)));
    }

    private Builder add(Operation op) {
      if (op.thread() == null || op.thread().isBlank()) {
        throw new IllegalArgumentException("a thread needs a name");
      }
      for (String object : op.objects()) {
        if (!objects.containsKey(object)) {
          throw new IllegalArgumentException(
              op + ": add the object \"" + object + "\" with object(name, refcount) first");
        }
      }
      threads.computeIfAbsent(op.thread(), name -> new ArrayList<>()).add(op);
      return this;
    }

    /**
     * Returns the workload.
     *
     * @throws IllegalArgumentException if it has no thread, or if some object's DECREFs outnumber
     *     its starting count and INCREFs
     */
    public Workload build() {
      if (threads.isEmpty()) {
        throw new IllegalArgumentException("a workload needs at least one thread's operation");
      }
      Map<String, Integer> end = new LinkedHashMap<>(objects);
      threads.values().stream()
          .flatMap(List::stream)
          .forEach(
              op -> {
                String counted = op.objects().get(op.objects().size() - 1);
                int delta = op.kind() == OpKind.DECREF ? -1 : 1;
                end.merge(counted, delta, Integer::sum);
              });
      end.forEach(
          (name, count) -> {
            if (count < 0) {
              throw new IllegalArgumentException(
                  name + ": more DECREFs than references; its count would end at " + count);
            }
          });
      return new Workload(this);
    }
  }
}

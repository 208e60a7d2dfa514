package gilbook.runtime.explorer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link Workload} with each operation's micro-steps fixed, lock steps included: what {@link
 * #explore()} runs in every order the locks allow.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Program {

  private final Workload workload;
  private final List<String> threadNames;
  private final Action[][] actions;
  private final String[][] labels;
  private final List<String> fields = new ArrayList<>();
  private final Map<String, Integer> fieldIndex = new LinkedHashMap<>();
  private final List<String> locks;
  private final int[] initial;
  private final int[] expected;
  private final int[][] targets;
  private final boolean[] isCount;

  Program(Workload workload, List<List<Action>> actions, List<List<String>> labels) {
    this.workload = workload;
    this.threadNames = workload.threadNames();
    this.actions = new Action[actions.size()][];
    this.labels = new String[actions.size()][];
    Set<String> lockNames = new LinkedHashSet<>();
    for (int t = 0; t < actions.size(); t++) {
      this.actions[t] = actions.get(t).toArray(new Action[0]);
      this.labels[t] = labels.get(t).toArray(new String[0]);
      for (Action a : this.actions[t]) {
        if (a.isLockStep()) {
          lockNames.add(a.target());
        }
      }
    }
    this.locks = List.copyOf(lockNames);
    for (String object : workload.objects()) {
      fieldIndex.put(object + "." + Operation.REFCNT, fields.size());
      fields.add(object + "." + Operation.REFCNT);
      fieldIndex.put(object + "." + Operation.SIZE, fields.size());
      fields.add(object + "." + Operation.SIZE);
    }
    initial = new int[fields.size()];
    isCount = new boolean[fields.size()];
    for (int f = 0; f < fields.size(); f++) {
      isCount[f] = fields.get(f).endsWith("." + Operation.REFCNT);
    }
    for (String object : workload.objects()) {
      initial[fieldIndex.get(object + "." + Operation.REFCNT)] = workload.initialRefcount(object);
    }
    targets = new int[this.actions.length][];
    for (int t = 0; t < this.actions.length; t++) {
      targets[t] = new int[this.actions[t].length];
      for (int i = 0; i < targets[t].length; i++) {
        Action a = this.actions[t][i];
        targets[t][i] = a.isLockStep() ? locks.indexOf(a.target()) : fieldIndex.get(a.target());
      }
    }
    expected = initial.clone();
    for (Action[] thread : this.actions) {
      for (Action a : thread) {
        if (a.kind() == MicroStep.ADD) {
          expected[fieldIndex.get(a.target())] += a.delta();
        }
      }
    }
  }

  /** Checks that {@code steps} are {@code op}'s own steps, in order, with only lock steps added. */
  static void check(Operation op, List<Action> steps) {
    if (steps == null) {
      throw new IllegalArgumentException(op + ": the design returned null instead of its steps");
    }
    List<Action> own = new ArrayList<>();
    Set<String> held = new HashSet<>();
    for (Action step : steps) {
      if (step == null) {
        throw new IllegalArgumentException(op + ": the design returned a null step");
      }
      if (step.kind() == MicroStep.ACQUIRE && !held.add(step.target())) {
        throw new IllegalArgumentException(
            op
                + ": takes lock "
                + step.target()
                + " while already holding it (locks are not"
                + " reentrant: it would wait for itself forever)");
      } else if (step.kind() == MicroStep.RELEASE && !held.remove(step.target())) {
        throw new IllegalArgumentException(
            op + ": releases lock " + step.target() + ", which it does not hold at that point");
      } else if (!step.isLockStep()) {
        own.add(step);
      }
    }
    if (!own.equals(op.steps())) {
      throw new IllegalArgumentException(
          op
              + ": a design may only add ACQUIRE and RELEASE steps; the operation's own steps must"
              + " stay as they are, in order: "
              + op.steps()
              + ", but were "
              + own);
    }
    if (!held.isEmpty()) {
      throw new IllegalArgumentException(
          op + ": ends still holding " + held + "; release every lock the operation took");
    }
  }

  /** Returns the workload this program runs. */
  public Workload workload() {
    return workload;
  }

  /** Returns the threads' names, in order. */
  public List<String> threadNames() {
    return threadNames;
  }

  /** Returns the named thread's steps, lock steps included, in program order. */
  public List<Action> steps(String thread) {
    int t = threadNames.indexOf(thread);
    if (t < 0) {
      throw new IllegalArgumentException(
          "\"" + thread + "\" is not a thread of this program; its threads are " + threadNames);
    }
    return List.of(actions[t]);
  }

  /** Returns the names of the locks the steps take, in the order they first appear. */
  public List<String> locks() {
    return locks;
  }

  /** Returns how many micro-steps one complete schedule has, lock steps included. */
  public int stepsPerSchedule() {
    int n = 0;
    for (Action[] thread : actions) {
      n += thread.length;
    }
    return n;
  }

  /** Returns how many ACQUIRE and RELEASE steps one complete schedule has. */
  public int lockSteps() {
    int n = 0;
    for (Action[] thread : actions) {
      for (Action a : thread) {
        n += a.isLockStep() ? 1 : 0;
      }
    }
    return n;
  }

  /**
   * Runs every schedule the locks allow, however many there are: the explorer visits each distinct
   * state once, so its work grows with the states, not with the schedules (two threads of 13 steps
   * whose locks constrain nothing have 10,400,600 schedules and a few thousand states).
   */
  public ProgramResult explore() {
    return explore(Long.MAX_VALUE);
  }

  /**
   * Runs every schedule the locks allow: at each step, each thread that can run (it is not done,
   * and its next step is not the ACQUIRE of a lock another thread holds) runs next in turn. A
   * schedule ends when every thread is done, or in a deadlock when every unfinished thread waits
   * for a lock.
   *
   * @throws IllegalArgumentException if there are more than {@code limit} schedules
   */
  public ProgramResult explore(long limit) {
    return new ProgramExplorer(this, limit).run();
  }

  Action[][] actions() {
    return actions;
  }

  String[][] labels() {
    return labels;
  }

  List<String> fields() {
    return fields;
  }

  int fieldIndex(String field) {
    return fieldIndex.get(field);
  }

  /** The index of step {@code i} of thread {@code t}'s field, or of its lock for a lock step. */
  int target(int t, int i) {
    return targets[t][i];
  }

  /** Whether field {@code f} is a reference count (rather than a container's size). */
  boolean isCount(int f) {
    return isCount[f];
  }

  int[] initial() {
    return initial;
  }

  int[] expected() {
    return expected;
  }
}

package gilbook.runtime.explorer;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs one interleaving of the threads' micro-steps on a simulated {@code ob_refcnt}.
 *
 * <p>The simulation tracks two counts. The <em>stored</em> count is what the racy LOAD / ADD /
 * STORE steps leave in memory. The <em>true</em> count adds each operation's delta when the
 * operation completes (at its STORE), as an atomic counter would. Comparing the two gives the
 * {@link Outcome}. This class is immutable and thread-safe; each run keeps its state in a fresh
 * object.
 */
final class Simulator {

  private static final MicroStep[] PLAIN = {MicroStep.LOAD, MicroStep.ADD, MicroStep.STORE};
  private static final MicroStep[] LOCKED = {
    MicroStep.ACQUIRE, MicroStep.LOAD, MicroStep.ADD, MicroStep.STORE, MicroStep.RELEASE
  };
  private static final int INITIAL_VALUE = -1;

  private final List<ThreadProgram> threads;
  private final int initialRefcount;
  private final int expectedRefcount;
  private final boolean locked;
  private final MicroStep[] stepsPerOperation;
  private final int[] firstOperationId;
  private final String[] labels;
  private final String setup;

  Simulator(List<ThreadProgram> threads, int initialRefcount, boolean locked) {
    this.threads = List.copyOf(threads);
    this.initialRefcount = initialRefcount;
    this.locked = locked;
    this.stepsPerOperation = locked ? LOCKED : PLAIN;
    this.firstOperationId = new int[threads.size()];
    List<String> labelList = new ArrayList<>();
    int expected = initialRefcount;
    StringBuilder setupText = new StringBuilder("start: ob_refcnt = " + initialRefcount);
    for (int thread = 0; thread < threads.size(); thread++) {
      ThreadProgram program = threads.get(thread);
      firstOperationId[thread] = labelList.size();
      List<String> opNames = new ArrayList<>();
      for (int op = 0; op < program.ops().size(); op++) {
        labelList.add(program.label(op));
        opNames.add(program.ops().get(op).name());
        expected += program.ops().get(op).delta();
      }
      setupText.append("; ").append(program.name()).append(" runs ");
      setupText.append(String.join(", ", opNames));
    }
    if (locked) {
      setupText.append("; each operation holds the lock");
    }
    this.expectedRefcount = expected;
    this.labels = labelList.toArray(new String[0]);
    this.setup = setupText.toString();
  }

  /** Returns the count every schedule should end with: the initial count plus every delta. */
  int expectedRefcount() {
    return expectedRefcount;
  }

  /** Returns how many micro-steps each operation takes: 3, or 5 with the lock. */
  int stepsPerOperation() {
    return stepsPerOperation.length;
  }

  /** Returns how many micro-steps one schedule has. */
  int stepsPerSchedule() {
    return labels.length * stepsPerOperation.length;
  }

  /**
   * Returns, per thread, how many units the scheduler interleaves: one per micro-step, or one per
   * whole operation when a lock makes the operation run as a unit.
   */
  int[] unitsPerThread() {
    int[] units = new int[threads.size()];
    for (int thread = 0; thread < units.length; thread++) {
      int ops = threads.get(thread).ops().size();
      units[thread] = locked ? ops : ops * stepsPerOperation.length;
    }
    return units;
  }

  /** Classifies an interleaving of units without recording its steps. */
  Outcome outcome(int[] order) {
    return new Run(order, false).outcome();
  }

  /** Simulates an interleaving of units and records every step. */
  Schedule schedule(int[] order, long number, String title) {
    Run run = new Run(order, true);
    return new Schedule(
        number,
        title,
        setup,
        run.steps,
        run.outcome(),
        run.count,
        expectedRefcount,
        run.freedAtStep,
        run.freedWhileReferenced,
        run.lostUpdates());
  }

  /**
   * Replays an order that names one thread per micro-step, possibly stopping before every thread is
   * done. The caller has checked that no thread is named more often than it has steps.
   *
   * @throws IllegalArgumentException if, with the lock, a thread is named for its ACQUIRE while
   *     another thread holds the lock
   */
  Replay replay(int[] order) {
    Run run = new Run(order, true, true);
    boolean complete = order.length == stepsPerSchedule();
    Schedule schedule =
        new Schedule(
            0,
            complete
                ? "Replay"
                : "Replay of " + order.length + " of " + stepsPerSchedule() + " steps",
            setup,
            run.steps,
            complete ? run.outcome() : Outcome.CORRECT,
            run.count,
            expectedRefcount,
            run.freedAtStep,
            run.freedWhileReferenced,
            run.lostUpdates());
    return new Replay(schedule, complete, run.trueCount, stepsPerSchedule());
  }

  /** Returns the setup line: the initial count and each thread's operations. */
  String setup() {
    return setup;
  }

  /** The state of one simulated run. Not thread-safe; used by one call only. */
  private final class Run {
    private final List<Step> steps;
    private final int[] readsFrom = new int[labels.length];
    private final int[] loadStep = new int[labels.length];
    private final int[] storeStep = new int[labels.length];
    private final int[] storeOrder = new int[labels.length];
    private int stores;
    private int count = initialRefcount;
    private int trueCount = initialRefcount;
    private int lastWriter = INITIAL_VALUE;
    private int freedAtStep;
    private boolean freedWhileReferenced;

    Run(int[] order, boolean record) {
      this(order, record, false);
    }

    /**
     * Runs {@code order}; each entry is one unit (a whole operation with the lock), or one
     * micro-step when {@code stepwise}, as a replay names them.
     */
    Run(int[] order, boolean record, boolean stepwise) {
      int unitLength = locked && !stepwise ? stepsPerOperation.length : 1;
      steps = record ? new ArrayList<>(order.length * unitLength) : null;
      int[] nextOp = new int[threads.size()];
      int[] phase = new int[threads.size()];
      int[] register = new int[threads.size()];
      int holder = INITIAL_VALUE;
      int number = 0;
      for (int thread : order) {
        ThreadProgram program = threads.get(thread);
        for (int i = 0; i < unitLength; i++) {
          if (stepsPerOperation[phase[thread]] == MicroStep.ACQUIRE) {
            if (holder != INITIAL_VALUE) {
              throw new IllegalArgumentException(
                  "step "
                      + (number + 1)
                      + " names "
                      + program.name()
                      + ", which cannot take the lock: "
                      + threads.get(holder).name()
                      + " holds it until its RELEASE");
            }
            holder = thread;
          } else if (stepsPerOperation[phase[thread]] == MicroStep.RELEASE) {
            holder = INITIAL_VALUE;
          }
          int opIndex = nextOp[thread];
          RefOp op = program.ops().get(opIndex);
          int id = firstOperationId[thread] + opIndex;
          MicroStep kind = stepsPerOperation[phase[thread]];
          number++;
          boolean afterFree = freedAtStep != 0 && kind.touchesObject();
          String note = "";
          switch (kind) {
            case LOAD -> {
              register[thread] = count;
              readsFrom[id] = lastWriter;
              loadStep[id] = number;
              note = afterFree ? "use after free: reads the count of a freed object" : "";
            }
            case ADD -> register[thread] += op.delta();
            case STORE -> note = store(program.name(), id, op, register[thread], number, afterFree);
            default -> {
              // ACQUIRE and RELEASE touch only the lock.
            }
          }
          if (record) {
            steps.add(
                new Step(
                    number, program.name(), op, kind, register[thread], count, afterFree, note));
          }
          if (++phase[thread] == stepsPerOperation.length) {
            phase[thread] = 0;
            nextOp[thread]++;
          }
        }
      }
    }

    private String store(
        String thread, int id, RefOp op, int value, int number, boolean afterFree) {
      String overwritten = steps == null ? "" : overwritten(thread, id);
      count = value;
      trueCount += op.delta();
      lastWriter = id;
      storeStep[id] = number;
      storeOrder[stores++] = id;
      boolean freesNow = value == 0 && freedAtStep == 0;
      if (freesNow) {
        freedAtStep = number;
        freedWhileReferenced = trueCount > 0;
      }
      if (steps == null) {
        return "";
      }
      List<String> notes = new ArrayList<>(2);
      if (!overwritten.isEmpty()) {
        notes.add(overwritten);
      }
      if (afterFree) {
        notes.add(
            value == 0
                ? "use after free: writes into a freed object, and the count is 0 again"
                    + " (double free)"
                : "use after free: writes into a freed object");
      } else if (freesNow) {
        notes.add(freeNote());
      }
      return String.join("; ", notes);
    }

    /** Names the completed operations whose STORE this one overwrites without having read it. */
    private String overwritten(String thread, int id) {
      List<String> names = new ArrayList<>();
      for (int i = 0; i < stores; i++) {
        if (storeStep[storeOrder[i]] > loadStep[id]) {
          names.add(labels[storeOrder[i]]);
        }
      }
      if (names.isEmpty()) {
        return "";
      }
      return "overwrites "
          + Words.list(names)
          + " ("
          + thread
          + " loaded the count before "
          + (names.size() == 1 ? "that STORE)" : "those STOREs)");
    }

    private String freeNote() {
      if (trueCount > 0) {
        return "count is 0: object freed while "
            + Words.count(trueCount, "reference")
            + (trueCount == 1 ? " is" : " are")
            + " still held (premature free)";
      }
      if (stores == labels.length) {
        return "count is 0: object freed after the last reference was dropped (correct)";
      }
      return "count is 0: object freed; no reference is held at this moment, so it would be"
          + " freed here with the GIL too";
    }

    Outcome outcome() {
      if (freedWhileReferenced || count < expectedRefcount) {
        return Outcome.PREMATURE_FREE;
      }
      return count > expectedRefcount ? Outcome.LEAK : Outcome.CORRECT;
    }

    /**
     * Returns the operations whose update is missing from the final count, in completion order.
     *
     * <p>The final count is the initial count plus the deltas along the chain of STOREs that each
     * read the one before; an operation off that chain was overwritten for good.
     */
    List<String> lostUpdates() {
      boolean[] counted = new boolean[labels.length];
      for (int id = lastWriter; id != INITIAL_VALUE; id = readsFrom[id]) {
        counted[id] = true;
      }
      List<String> lost = new ArrayList<>();
      for (int i = 0; i < stores; i++) {
        if (!counted[storeOrder[i]]) {
          lost.add(labels[storeOrder[i]]);
        }
      }
      return lost;
    }
  }
}

package gilbook.runtime.explorer;

import java.util.ArrayList;
import java.util.List;

/**
 * The state of one run of a {@link Program} part way: every field's stored and true value, each
 * thread's registers and next step, and who holds each lock. The true value adds each update when
 * its STORE runs, as an atomic counter would; comparing it with the stored value finds lost updates
 * and premature frees. Mutable and not thread-safe; {@link #copy()} branches a run.
 */
final class ProgramState {
  private static final int NOBODY = -1;

  private final Program program;
  private final int[] stored;
  private final int[] real;
  private final int[][] registers;
  private final int[] pending;
  private final int[] next;
  private final int[] holder;
  private int prematureFreeAt;
  private String prematureFreeField = "";
  private int steps;

  ProgramState(Program program) {
    this.program = program;
    int threads = program.actions().length;
    int fields = program.fields().size();
    stored = program.initial().clone();
    real = program.initial().clone();
    registers = new int[threads][fields];
    pending = new int[fields * threads];
    next = new int[threads];
    holder = new int[program.locks().size()];
    java.util.Arrays.fill(holder, NOBODY);
  }

  private ProgramState(ProgramState from) {
    program = from.program;
    stored = from.stored.clone();
    real = from.real.clone();
    registers = new int[from.registers.length][];
    for (int t = 0; t < registers.length; t++) {
      registers[t] = from.registers[t].clone();
    }
    pending = from.pending.clone();
    next = from.next.clone();
    holder = from.holder.clone();
    prematureFreeAt = from.prematureFreeAt;
    prematureFreeField = from.prematureFreeField;
    steps = from.steps;
  }

  ProgramState copy() {
    return new ProgramState(this);
  }

  boolean done(int thread) {
    return next[thread] == program.actions()[thread].length;
  }

  boolean allDone() {
    for (int t = 0; t < next.length; t++) {
      if (!done(t)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the thread can run its next step: it is not done and not waiting for a lock. */
  boolean enabled(int thread) {
    if (done(thread)) {
      return false;
    }
    Action a = program.actions()[thread][next[thread]];
    return a.kind() != MicroStep.ACQUIRE || holder[program.target(thread, next[thread])] == NOBODY;
  }

  /** Runs the thread's next step; returns what it did, in words, for a description. */
  String step(int thread) {
    int target = program.target(thread, next[thread]);
    Action a = program.actions()[thread][next[thread]];
    advance(thread);
    return switch (a.kind()) {
      case ACQUIRE -> "takes lock " + a.target();
      case RELEASE -> "releases lock " + a.target();
      case LOAD -> a.target() + " -> r = " + registers[thread][target];
      case ADD -> "r = " + registers[thread][target];
      default -> {
        String note = "";
        if (program.isCount(target) && stored[target] == 0 && real[target] > 0) {
          note = "   <- count is 0: object freed while " + real[target] + " reference(s) are held";
        }
        yield a.target() + " = " + stored[target] + note;
      }
    };
  }

  /**
   * Runs the thread's next step without describing it: the explorer's hot path, so it builds no
   * text.
   */
  void advance(int thread) {
    int f = program.target(thread, next[thread]);
    Action a = program.actions()[thread][next[thread]++];
    steps++;
    switch (a.kind()) {
      case ACQUIRE -> holder[f] = thread;
      case RELEASE -> holder[f] = NOBODY;
      case LOAD -> registers[thread][f] = stored[f];
      case ADD -> {
        registers[thread][f] += a.delta();
        pending[f * next.length + thread] = a.delta();
      }
      default -> {
        stored[f] = registers[thread][f];
        real[f] += pending[f * next.length + thread];
        pending[f * next.length + thread] = 0;
        if (program.isCount(f) && stored[f] == 0 && real[f] > 0 && prematureFreeAt == 0) {
          prematureFreeAt = steps;
          prematureFreeField = a.target();
        }
      }
    }
  }

  /**
   * Everything that decides how this run can go on and how it ends, as one array: two states with
   * equal keys have the same schedules ahead of them, with the same outcomes. (Where an earlier
   * premature free happened does not matter, only that it did.)
   */
  StateKey key() {
    int[] key =
        new int
            [2 * stored.length
                + registers.length * stored.length
                + pending.length
                + next.length
                + holder.length
                + 1];
    int k = 0;
    for (int v : next) {
      key[k++] = v;
    }
    for (int v : holder) {
      key[k++] = v;
    }
    for (int v : stored) {
      key[k++] = v;
    }
    for (int v : real) {
      key[k++] = v;
    }
    for (int[] r : registers) {
      for (int v : r) {
        key[k++] = v;
      }
    }
    for (int v : pending) {
      key[k++] = v;
    }
    key[k] = prematureFreeAt == 0 ? 0 : 1;
    return new StateKey(key);
  }

  /** The outcome of a run in which every thread is done. */
  ProgramOutcome outcome() {
    if (prematureFreeAt != 0) {
      return ProgramOutcome.PREMATURE_FREE;
    }
    int[] expected = program.expected();
    boolean leak = false;
    boolean lost = false;
    for (int f = 0; f < stored.length; f++) {
      boolean count = program.isCount(f);
      if (count && stored[f] < expected[f]) {
        return ProgramOutcome.PREMATURE_FREE;
      }
      leak |= count && stored[f] > expected[f];
      lost |= !count && stored[f] != expected[f];
    }
    return leak ? ProgramOutcome.LEAK : lost ? ProgramOutcome.LOST_UPDATE : ProgramOutcome.CORRECT;
  }

  /** What went wrong at the end of a run, in words, or an empty string. */
  String verdict() {
    List<String> wrong = new ArrayList<>();
    if (prematureFreeAt != 0) {
      wrong.add(
          prematureFreeField
              + " reached 0 at step "
              + prematureFreeAt
              + " while a reference was still held (premature free)");
    }
    int[] expected = program.expected();
    for (int f = 0; f < stored.length; f++) {
      if (stored[f] != expected[f]) {
        wrong.add(program.fields().get(f) + " ends at " + stored[f] + ", expected " + expected[f]);
      }
    }
    return String.join("; ", wrong);
  }

  /**
   * For a deadlock: which thread holds which lock and waits for which, one clause per waiting
   * thread, such as {@code "T1 holds lock A and waits for lock B"}.
   */
  List<String> waits() {
    List<String> waits = new ArrayList<>();
    for (int t = 0; t < next.length; t++) {
      if (done(t)) {
        continue;
      }
      List<String> held = new ArrayList<>();
      for (int l = 0; l < holder.length; l++) {
        if (holder[l] == t) {
          held.add("lock " + program.locks().get(l));
        }
      }
      Action wanted = program.actions()[t][next[t]];
      String who = program.threadNames().get(t);
      String holderName = program.threadNames().get(holder[lock(wanted)]);
      waits.add(
          who
              + (held.isEmpty() ? " holds no lock" : " holds " + Words.list(held))
              + " and waits for lock "
              + wanted.target()
              + (holderName.equals(who)
                  ? ", which it holds itself"
                  : ", which " + holderName + " holds"));
    }
    return waits;
  }

  private int lock(Action a) {
    return program.locks().indexOf(a.target());
  }
}

package gilbook.runtime.explorer;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Runs every schedule of a {@link Program} as a depth-first search over the threads that can run:
 * at each state, each enabled thread in turn takes the next step. A blocked thread cannot step; a
 * state in which threads are unfinished but none can step is a deadlock. Keeps the first schedule
 * of each outcome, as the order of threads it ran. Used by one call only; not thread-safe.
 */
final class ProgramExplorer {
  private final Program program;
  private final long limit;
  private final int[] path;
  private final long[] counts = new long[ProgramOutcome.values().length];
  private final Map<ProgramOutcome, int[]> first = new EnumMap<>(ProgramOutcome.class);
  private long total;

  ProgramExplorer(Program program, long limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    this.program = program;
    this.limit = limit;
    this.path = new int[program.stepsPerSchedule()];
  }

  ProgramResult run() {
    visit(new ProgramState(program), 0);
    return new ProgramResult(program, total, counts, first);
  }

  private void visit(ProgramState state, int depth) {
    boolean unfinished = false;
    boolean stepped = false;
    int threads = program.threadNames().size();
    for (int t = 0; t < threads; t++) {
      if (state.done(t)) {
        continue;
      }
      unfinished = true;
      if (state.enabled(t)) {
        stepped = true;
        ProgramState child = state.copy();
        child.step(t);
        path[depth] = t;
        visit(child, depth + 1);
      }
    }
    if (!unfinished) {
      leaf(state.outcome(), depth);
    } else if (!stepped) {
      leaf(ProgramOutcome.DEADLOCK, depth);
    }
  }

  private void leaf(ProgramOutcome outcome, int depth) {
    if (++total > limit) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "explore() would run more than %,d schedules; use fewer threads or operations,"
                  + " or raise the limit",
              limit));
    }
    counts[outcome.ordinal()]++;
    first.computeIfAbsent(outcome, o -> Arrays.copyOf(path, depth));
  }
}

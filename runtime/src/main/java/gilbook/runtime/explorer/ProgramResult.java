package gilbook.runtime.explorer;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What an exhaustive exploration of a {@link Program} found: how many schedules ran, how many had
 * each {@link ProgramOutcome}, and the first schedule of each outcome, which {@link
 * #describe(ProgramOutcome)} prints step by step. Immutable and thread-safe.
 */
public final class ProgramResult {
  private final Program program;
  private final long total;
  private final Map<ProgramOutcome, Long> counts = new EnumMap<>(ProgramOutcome.class);
  private final Map<ProgramOutcome, int[]> first = new EnumMap<>(ProgramOutcome.class);

  ProgramResult(Program program, long total, long[] counts, Map<ProgramOutcome, int[]> first) {
    this.program = program;
    this.total = total;
    for (ProgramOutcome o : ProgramOutcome.values()) {
      this.counts.put(o, counts[o.ordinal()]);
    }
    first.forEach((o, path) -> this.first.put(o, path.clone()));
  }

  /** Returns how many schedules ran (complete ones and deadlocked ones). */
  public long total() {
    return total;
  }

  /** Returns how many schedules had the given outcome. */
  public long count(ProgramOutcome outcome) {
    return counts.get(outcome);
  }

  /** Returns how many schedules had an outcome other than {@link ProgramOutcome#CORRECT}. */
  public long bad() {
    return total - counts.get(ProgramOutcome.CORRECT);
  }

  /** Returns how many micro-steps one complete schedule of the program has. */
  public int stepsPerSchedule() {
    return program.stepsPerSchedule();
  }

  /**
   * Returns the first schedule with the given outcome as the thread that ran each step, or empty if
   * no schedule had it.
   */
  public Optional<List<String>> firstSchedule(ProgramOutcome outcome) {
    int[] path = first.get(outcome);
    if (path == null) {
      return Optional.empty();
    }
    List<String> names = new ArrayList<>();
    for (int t : path) {
      names.add(program.threadNames().get(t));
    }
    return Optional.of(List.copyOf(names));
  }

  /**
   * Returns the first schedule with the given outcome step by step in plain words, ending with what
   * went wrong; for a deadlock, which thread holds which lock and waits for which. Empty if no
   * schedule had that outcome.
   */
  public Optional<String> describe(ProgramOutcome outcome) {
    int[] path = first.get(outcome);
    if (path == null) {
      return Optional.empty();
    }
    ProgramState state = new ProgramState(program);
    StringBuilder text = new StringBuilder();
    text.append("First ").append(outcome.words()).append(" schedule:\n");
    text.append("  ").append(program.workload().describe()).append('\n');
    int width = String.valueOf(path.length).length();
    for (int i = 0; i < path.length; i++) {
      int t = path[i];
      Action action = program.actions()[t][nextIndex(path, i, t)];
      String did = state.step(t);
      text.append(
          String.format(
              Locale.ROOT,
              "  step %-" + width + "d  %s  %-7s %s%n",
              i + 1,
              program.threadNames().get(t),
              action.kind(),
              did));
    }
    if (outcome == ProgramOutcome.DEADLOCK) {
      text.append("  deadlock: ").append(String.join("; ", state.waits()));
      text.append(": none of them can ever run again\n");
    } else {
      String verdict = state.verdict();
      text.append("  verdict: ").append(outcome.words());
      text.append(verdict.isEmpty() ? "" : ": " + verdict).append('\n');
    }
    return Optional.of(text.toString());
  }

  private static int nextIndex(int[] path, int upTo, int thread) {
    int n = 0;
    for (int i = 0; i < upTo; i++) {
      n += path[i] == thread ? 1 : 0;
    }
    return n;
  }

  /**
   * Returns one line such as {@code "48,620 schedules: 1,200 correct, 0 leak, 30,000 premature
   * free, 17,420 lost update, 0 deadlock"}.
   */
  public String summary() {
    List<String> parts = new ArrayList<>();
    for (ProgramOutcome o : ProgramOutcome.values()) {
      parts.add(String.format(Locale.ROOT, "%,d %s", counts.get(o), o.words()));
    }
    return String.format(Locale.ROOT, "%,d schedules: ", total) + String.join(", ", parts);
  }

  /** Returns {@link #summary()}. */
  @Override
  public String toString() {
    return summary();
  }
}

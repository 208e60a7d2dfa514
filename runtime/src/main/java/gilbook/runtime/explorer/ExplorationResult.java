package gilbook.runtime.explorer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The outcomes of every schedule an exploration or a sample ran.
 *
 * <p>Counts cover every schedule. To bound memory, only the first {@value #KEPT_PER_OUTCOME}
 * schedules of each outcome are kept with their steps, in the order they ran. This class is
 * immutable and thread-safe.
 */
public final class ExplorationResult {

  /** How many schedules of each outcome are kept with their steps. */
  public static final int KEPT_PER_OUTCOME = 1_000;

  private final boolean exhaustive;
  private final long seed;
  private final long total;
  private final Map<Outcome, Long> counts;
  private final Map<Outcome, List<Schedule>> kept;

  private ExplorationResult(Collector collector) {
    this.exhaustive = collector.exhaustive;
    this.seed = collector.seed;
    this.total = collector.total;
    this.counts = new EnumMap<>(Outcome.class);
    this.kept = new EnumMap<>(Outcome.class);
    for (Outcome outcome : Outcome.values()) {
      counts.put(outcome, collector.counts[outcome.ordinal()]);
      kept.put(outcome, List.copyOf(collector.kept.get(outcome.ordinal())));
    }
  }

  /** Returns whether every schedule was run, rather than a random sample. */
  public boolean exhaustive() {
    return exhaustive;
  }

  /** Returns the seed of a sample, or empty for an exhaustive exploration. */
  public OptionalLong seed() {
    return exhaustive ? OptionalLong.empty() : OptionalLong.of(seed);
  }

  /** Returns how many schedules ran. */
  public long total() {
    return total;
  }

  /** Returns how many schedules had the given outcome. */
  public long count(Outcome outcome) {
    Objects.requireNonNull(outcome, "outcome must not be null");
    return counts.get(outcome);
  }

  /**
   * Returns the kept schedules with the given outcome, in the order they ran.
   *
   * <p>That is every one of them when {@link #count(Outcome)} is at most {@value
   * #KEPT_PER_OUTCOME}, and the first {@value #KEPT_PER_OUTCOME} otherwise.
   */
  public List<Schedule> schedules(Outcome outcome) {
    Objects.requireNonNull(outcome, "outcome must not be null");
    return kept.get(outcome);
  }

  /** Returns every kept schedule, whatever its outcome, in the order they ran. */
  public List<Schedule> schedules() {
    List<Schedule> all = new ArrayList<>();
    kept.values().forEach(all::addAll);
    all.sort(Comparator.comparingLong(Schedule::number));
    return List.copyOf(all);
  }

  /** Returns the first schedule that ran with an outcome other than {@link Outcome#CORRECT}. */
  public Optional<Schedule> firstLosing() {
    return kept.entrySet().stream()
        .filter(entry -> entry.getKey() != Outcome.CORRECT && !entry.getValue().isEmpty())
        .map(entry -> entry.getValue().get(0))
        .min(Comparator.comparingLong(Schedule::number));
  }

  /**
   * Returns one line such as {@code "20 schedules: 2 correct, 0 leak, 18 premature free"}.
   *
   * <p>A sample says so and names its seed: {@code "500 sampled schedules (seed 7): ..."}.
   */
  public String summary() {
    StringBuilder summary = new StringBuilder(String.format(Locale.ROOT, "%,d", total));
    summary.append(exhaustive ? " schedules: " : " sampled schedules (seed " + seed + "): ");
    List<String> parts = new ArrayList<>();
    for (Outcome outcome : Outcome.values()) {
      parts.add(String.format(Locale.ROOT, "%,d %s", counts.get(outcome), outcome.words()));
    }
    return summary.append(String.join(", ", parts)).toString();
  }

  /** Returns {@link #summary()}. */
  @Override
  public String toString() {
    return summary();
  }

  /** Gathers outcomes while schedules run. Not thread-safe. */
  static final class Collector {
    private final boolean exhaustive;
    private final long seed;
    private final long[] counts = new long[Outcome.values().length];
    private final List<List<Schedule>> kept = new ArrayList<>();
    private long total;

    private Collector(boolean exhaustive, long seed) {
      this.exhaustive = exhaustive;
      this.seed = seed;
      for (int i = 0; i < counts.length; i++) {
        kept.add(new ArrayList<>());
      }
    }

    static Collector exhaustive() {
      return new Collector(true, 0);
    }

    static Collector sample(long seed) {
      return new Collector(false, seed);
    }

    /** Returns whether a schedule with this outcome would be kept, so it is worth recording. */
    boolean keeps(Outcome outcome) {
      return kept.get(outcome.ordinal()).size() < KEPT_PER_OUTCOME;
    }

    void count(Outcome outcome) {
      counts[outcome.ordinal()]++;
      total++;
    }

    void keep(Schedule schedule) {
      kept.get(schedule.outcome().ordinal()).add(schedule);
    }

    ExplorationResult result() {
      return new ExplorationResult(this);
    }
  }
}

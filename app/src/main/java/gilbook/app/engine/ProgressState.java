package gilbook.app.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The learner's progress as a value: the current exercise, the exercises done, and how many hint
 * levels each exercise has unlocked. Each change makes a new value, so a change can be applied to
 * whatever another process wrote last ({@link Progress#update}).
 *
 * <p>Hint levels only rise: {@link #withHintLevelAtLeast} never lowers one, so two processes that
 * each reveal a hint never hide one again. Immutable, so thread-safe.
 */
public final class ProgressState {
  /** Nothing done, no hints, no current exercise: a fresh start. */
  public static final ProgressState EMPTY = new ProgressState(null, Set.of(), Map.of());

  private final String current;
  private final Set<String> done;
  private final Map<String, Integer> hints;

  ProgressState(String current, Set<String> done, Map<String, Integer> hints) {
    this.current = current;
    this.done = Collections.unmodifiableSet(new LinkedHashSet<>(done));
    this.hints = Collections.unmodifiableMap(new LinkedHashMap<>(hints));
  }

  /** The exercise the learner last moved to, if any. */
  public Optional<String> current() {
    return Optional.ofNullable(current);
  }

  public boolean isDone(String id) {
    return done.contains(id);
  }

  /** The exercises done, in the order they were first marked. */
  public Set<String> done() {
    return done;
  }

  /** How many hint levels of {@code id} are unlocked; 0 when none. */
  public int hintLevel(String id) {
    return hints.getOrDefault(id, 0);
  }

  /** Every exercise with a hint level, in the order its first hint was unlocked. */
  public Map<String, Integer> hintLevels() {
    return hints;
  }

  public ProgressState withCurrent(String id) {
    Objects.requireNonNull(id, "id must not be null");
    return new ProgressState(id, done, hints);
  }

  public ProgressState withDone(String id) {
    Objects.requireNonNull(id, "id must not be null");
    Set<String> more = new LinkedHashSet<>(done);
    more.add(id);
    return new ProgressState(current, more, hints);
  }

  public ProgressState withPending(String id) {
    Set<String> fewer = new LinkedHashSet<>(done);
    fewer.remove(id);
    return new ProgressState(current, fewer, hints);
  }

  /** This progress with {@code id}'s hint level raised to {@code level}, or left if higher. */
  public ProgressState withHintLevelAtLeast(String id, int level) {
    Objects.requireNonNull(id, "id must not be null");
    if (level < 0) {
      throw new IllegalArgumentException("level must not be negative, got " + level);
    }
    if (level <= hintLevel(id)) {
      return this;
    }
    Map<String, Integer> raised = new LinkedHashMap<>(hints);
    raised.put(id, level);
    return new ProgressState(current, done, raised);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProgressState p
        && Objects.equals(current, p.current)
        && done.equals(p.done)
        && hints.equals(p.hints);
  }

  @Override
  public int hashCode() {
    return Objects.hash(current, done, hints);
  }

  @Override
  public String toString() {
    return "ProgressState[current=" + current + ", done=" + done + ", hints=" + hints + "]";
  }
}

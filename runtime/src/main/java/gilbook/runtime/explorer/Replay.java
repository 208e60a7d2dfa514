package gilbook.runtime.explorer;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What one chosen order of micro-steps does to the count, step by step: the result of {@link
 * InterleavingExplorer#replay(List)}.
 *
 * <p>The order may stop before every thread is done (a <em>partial</em> replay): a premature free
 * can happen in the middle of a schedule, and the steps after it are not needed to show it. This
 * class is immutable and thread-safe.
 */
public final class Replay {

  private final Schedule schedule;
  private final boolean complete;
  private final int referencesHeld;
  private final int stepsPerSchedule;

  Replay(Schedule schedule, boolean complete, int referencesHeld, int stepsPerSchedule) {
    this.schedule = schedule;
    this.complete = complete;
    this.referencesHeld = referencesHeld;
    this.stepsPerSchedule = stepsPerSchedule;
  }

  /** Returns the name of the thread that ran each step, one entry per step, as replayed. */
  public List<String> threadOrder() {
    return schedule.threadOrder();
  }

  /** Returns every micro-step in the order it ran. */
  public List<Step> steps() {
    return schedule.steps();
  }

  /** Returns whether every thread ran all its steps. */
  public boolean complete() {
    return complete;
  }

  /** Returns {@code ob_refcnt} as stored in memory after the last replayed step. */
  public int refcount() {
    return schedule.finalRefcount();
  }

  /**
   * Returns how many references are really held after the last replayed step: the initial count
   * plus the delta of every operation that completed (its STORE ran), as the GIL would keep it.
   */
  public int referencesHeld() {
    return referencesHeld;
  }

  /** Returns the number of the first step whose STORE wrote 0 and so freed the object, if any. */
  public OptionalInt freedAtStep() {
    return schedule.freedAtStep();
  }

  /**
   * Returns whether the object was freed while a reference to it was still held: the crash a lost
   * INCREF causes. A count that reaches 0 when no reference is held is a correct free, not this.
   */
  public boolean prematureFree() {
    return schedule.freedWhileReferenced();
  }

  /** Returns the operations whose update was overwritten, such as "T1's INCREF". */
  public List<String> lostUpdates() {
    return schedule.lostUpdates();
  }

  /** Returns the whole schedule with its {@link Outcome}, or empty for a partial replay. */
  public Optional<Schedule> schedule() {
    return complete ? Optional.of(schedule) : Optional.empty();
  }

  /**
   * Returns the replay step by step in plain words, as {@link Schedule#describe()} does, ending
   * with whether and where a premature free happened.
   */
  public String describe() {
    if (complete) {
      return schedule.describe();
    }
    return ScheduleText.describePartial(schedule, referencesHeld, stepsPerSchedule);
  }

  /**
   * Returns a one-line summary, such as {@code "Replay of 5 of 6 steps: premature free at step 5"}.
   */
  @Override
  public String toString() {
    String what =
        prematureFree()
            ? "premature free at step " + freedAtStep().getAsInt()
            : "no premature free";
    return (complete
            ? "Replay of " + stepsPerSchedule + " steps"
            : "Replay of " + steps().size() + " of " + stepsPerSchedule + " steps")
        + ": "
        + what;
  }
}

package gilbook.runtime.explorer;

import java.util.List;
import java.util.OptionalInt;

/**
 * One simulated interleaving: which thread ran each micro-step, what each step saw and wrote, and
 * the outcome.
 *
 * <p>{@link #describe()} prints the schedule step by step in plain words. This class is immutable
 * and thread-safe.
 */
public final class Schedule {

  private final long number;
  private final String title;
  private final String setup;
  private final List<Step> steps;
  private final Outcome outcome;
  private final int finalRefcount;
  private final int expectedRefcount;
  private final int freedAtStep;
  private final boolean freedWhileReferenced;
  private final List<String> lostUpdates;

  Schedule(
      long number,
      String title,
      String setup,
      List<Step> steps,
      Outcome outcome,
      int finalRefcount,
      int expectedRefcount,
      int freedAtStep,
      boolean freedWhileReferenced,
      List<String> lostUpdates) {
    this.number = number;
    this.title = title;
    this.setup = setup;
    this.steps = List.copyOf(steps);
    this.outcome = outcome;
    this.finalRefcount = finalRefcount;
    this.expectedRefcount = expectedRefcount;
    this.freedAtStep = freedAtStep;
    this.freedWhileReferenced = freedWhileReferenced;
    this.lostUpdates = List.copyOf(lostUpdates);
  }

  /** Returns this schedule's position in its exploration or sample, starting at 1. */
  public long number() {
    return number;
  }

  /** Returns every micro-step in the order it ran. */
  public List<Step> steps() {
    return steps;
  }

  /** Returns the name of the thread that ran each step, one entry per step. */
  public List<String> threadOrder() {
    return steps.stream().map(Step::thread).toList();
  }

  /** Returns what the race did to the count. */
  public Outcome outcome() {
    return outcome;
  }

  /** Returns {@code ob_refcnt} after the last step. */
  public int finalRefcount() {
    return finalRefcount;
  }

  /** Returns the count the operations should leave: the initial count plus every delta. */
  public int expectedRefcount() {
    return expectedRefcount;
  }

  /** Returns the number of the step whose STORE first wrote 0 and freed the object, if any. */
  public OptionalInt freedAtStep() {
    return freedAtStep == 0 ? OptionalInt.empty() : OptionalInt.of(freedAtStep);
  }

  /** Returns whether the object was freed at a moment when a reference was still held. */
  public boolean freedWhileReferenced() {
    return freedWhileReferenced;
  }

  /**
   * Returns whether any step read or wrote the object after it was freed.
   *
   * <p>This is normally the consequence of a premature free. It can also be true for a {@link
   * Outcome#CORRECT} schedule when the operations themselves drop the last reference before another
   * operation runs; that would happen with the GIL too.
   */
  public boolean useAfterFree() {
    return steps.stream().anyMatch(Step::useAfterFree);
  }

  /** Returns the operations whose update is missing from the final count, such as "T1's INCREF". */
  public List<String> lostUpdates() {
    return lostUpdates;
  }

  /**
   * Returns the schedule step by step in plain words, ending with the result and what it means.
   *
   * <p>For example:
   *
   * <pre>
   * Schedule 14 of 20: PREMATURE_FREE
   *   start: ob_refcnt = 1; T1 runs INCREF; T2 runs DECREF
   *   step 1  T1  LOAD  ob_refcnt -&gt; r = 1
   *   step 2  T2  LOAD  ob_refcnt -&gt; r = 1
   *   ...
   *   result: ob_refcnt = 0, expected 1 (lost T1's INCREF)
   *   verdict: premature free: ...
   * </pre>
   */
  public String describe() {
    return ScheduleText.describe(this, title, setup);
  }

  /** Returns the setup line: the initial count and each thread's operations. */
  String setupLine() {
    return setup;
  }

  /** Returns the title and outcome, such as {@code "Schedule 14 of 20: PREMATURE_FREE"}. */
  @Override
  public String toString() {
    return title + ": " + outcome;
  }
}

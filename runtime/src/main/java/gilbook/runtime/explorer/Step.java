package gilbook.runtime.explorer;

import java.util.Objects;

/**
 * One micro-step of a simulated schedule, with the values it saw and wrote.
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param number the step's position in the schedule, starting at 1
 * @param thread the name of the thread that runs the step
 * @param op the operation the step belongs to
 * @param kind which micro-step this is
 * @param register the thread's register after the step; for {@link MicroStep#ACQUIRE} and {@link
 *     MicroStep#RELEASE} it is unchanged from the thread's previous step (0 before its first LOAD)
 * @param refcount {@code ob_refcnt} after the step
 * @param useAfterFree whether the step read or wrote the object after it had been freed
 * @param note what went wrong or what happened at this step in plain words, or an empty string
 */
public record Step(
    int number,
    String thread,
    RefOp op,
    MicroStep kind,
    int register,
    int refcount,
    boolean useAfterFree,
    String note) {

  /** Checks the components. */
  public Step {
    if (number < 1) {
      throw new IllegalArgumentException("number must be at least 1, was " + number);
    }
    Objects.requireNonNull(thread, "thread must not be null");
    Objects.requireNonNull(op, "op must not be null");
    Objects.requireNonNull(kind, "kind must not be null");
    Objects.requireNonNull(note, "note must not be null");
  }
}

package gilbook.runtime.explorer;

import java.util.Objects;

/**
 * One micro-step of a {@link Workload}'s thread: a LOAD, ADD or STORE on one field of a shared
 * object (such as {@code "A.ob_refcnt"}), or an ACQUIRE or RELEASE of a named lock.
 *
 * <p>A lock blocks: a thread whose next step is the ACQUIRE of a lock another thread holds cannot
 * run until that thread RELEASEs it. Locks are not reentrant. This record is immutable and
 * thread-safe.
 *
 * @param kind which micro-step this is
 * @param target the field for LOAD, ADD and STORE; the lock's name for ACQUIRE and RELEASE
 * @param delta what ADD adds to the thread's register for that field; 0 for the other kinds
 */
public record Action(MicroStep kind, String target, int delta) {

  /** Checks the components. */
  public Action {
    Objects.requireNonNull(kind, "kind must not be null");
    if (target == null || target.isBlank()) {
      throw new IllegalArgumentException("an action needs a target (a field or a lock's name)");
    }
    if (kind != MicroStep.ADD && delta != 0) {
      throw new IllegalArgumentException("only ADD has a delta; " + kind + " had " + delta);
    }
  }

  /** Takes the named lock, waiting while another thread holds it. */
  public static Action acquire(String lock) {
    return new Action(MicroStep.ACQUIRE, lock, 0);
  }

  /** Gives the named lock back. */
  public static Action release(String lock) {
    return new Action(MicroStep.RELEASE, lock, 0);
  }

  /** Returns whether this is an ACQUIRE or a RELEASE. */
  public boolean isLockStep() {
    return kind == MicroStep.ACQUIRE || kind == MicroStep.RELEASE;
  }

  /** Returns the step in words, such as {@code "LOAD A.ob_refcnt"} or {@code "ACQUIRE lock A"}. */
  @Override
  public String toString() {
    return switch (kind) {
      case ACQUIRE, RELEASE -> kind + " lock " + target;
      case ADD -> "ADD " + target + (delta >= 0 ? " +" : " ") + delta;
      default -> kind + " " + target;
    };
  }
}

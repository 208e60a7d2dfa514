package gilbook.runtime.explorer;

/**
 * The verdict on one schedule of a {@link Program}: what it did to the shared objects.
 *
 * <p>This enum is immutable and thread-safe.
 */
public enum ProgramOutcome {
  /** Every count and size ends where it should, and no object was freed too early. */
  CORRECT("correct"),

  /** A count ends too high: a lost DECREF, so the object is never freed. */
  LEAK("leak"),

  /**
   * A count reached 0 while a reference was still held, or ends too low: a lost INCREF, so the
   * object is freed while someone can still use it.
   */
  PREMATURE_FREE("premature free"),

  /** A container's size ends wrong: a stored reference was lost (or counted twice). */
  LOST_UPDATE("lost update"),

  /**
   * Every unfinished thread waits for a lock another waiting thread holds: none can ever run again.
   */
  DEADLOCK("deadlock");

  private final String words;

  ProgramOutcome(String words) {
    this.words = words;
  }

  /** Returns the outcome in lower-case words, such as {@code "premature free"}. */
  public String words() {
    return words;
  }
}

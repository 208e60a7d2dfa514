package gilbook.runtime.explorer;

/**
 * The verdict on one schedule: what the race did to the reference count.
 *
 * <p>The explorer compares each schedule with the same operations done one at a time, in the order
 * in which they complete (at their {@link MicroStep#STORE}). That count is the <em>true</em> count:
 * what the GIL, an atomic counter or a lock would give. A schedule whose operations never overlap
 * is therefore always {@link #CORRECT}.
 *
 * <p>This enum is immutable and thread-safe.
 */
public enum Outcome {
  /** The final count is the expected one and the object was never freed too early. */
  CORRECT("correct"),

  /** The final count is too high: it can never reach 0, so the object is never freed. */
  LEAK("leak"),

  /**
   * The count reached 0 while a reference was still held, or it ended too low and will reach 0
   * while one is still held: the object is freed while someone can still use it.
   */
  PREMATURE_FREE("premature free");

  private final String words;

  Outcome(String words) {
    this.words = words;
  }

  /** Returns the outcome in lower-case words, such as {@code "premature free"}. */
  public String words() {
    return words;
  }
}

package gilbook.app.engine;

/**
 * How a text rendering of a {@link SolutionDiff} marks its parts: the CLI colours them in a
 * terminal, and leaves them plain when piped. The text given is exactly what is shown, so a paint
 * may wrap it but must not change it.
 */
@FunctionalInterface
public interface DiffPaint {
  /** What a piece of text is. */
  enum Ink {
    /** The learner's side of a change. */
    REMOVED,
    /** The solution's side of a change. */
    ADDED,
    /** The header of a hunk in a unified diff. */
    HUNK
  }

  String paint(Ink ink, String text);

  /** Leaves every piece as it is. */
  static DiffPaint none() {
    return (ink, text) -> text;
  }
}

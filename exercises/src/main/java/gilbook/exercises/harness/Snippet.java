package gilbook.exercises.harness;

/**
 * One complete snippet of a learner's file, as JShell will evaluate it. Immutable.
 *
 * @param source the snippet's source, as {@code analyzeCompletion} returned it
 * @param startLine the learner-file line where {@code source} begins, from 1
 */
public record Snippet(String source, int startLine) {

  /** The learner-file line of a position (0-based offset) inside {@link #source()}. */
  public int lineOf(long position) {
    int line = startLine;
    for (int i = 0; i < Math.min(position, source.length()); i++) {
      if (source.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  /** The column (from 1) of a position inside {@link #source()}. */
  public int columnOf(long position) {
    int p = (int) Math.min(position, source.length());
    int lineStart = source.lastIndexOf('\n', p - 1) + 1;
    return p - lineStart + 1;
  }
}

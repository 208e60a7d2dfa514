package gilbook.app.engine;

import gilbook.exercises.harness.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The line of a learner's file that a problem points at, with a caret under its column, as
 * compilers print it:
 *
 * <pre>
 *     9 |   interp.trace().writeJson(Path.of("trace.json"));
 *       |                            ^
 * </pre>
 *
 * A message alone ("cannot find symbol") leaves the learner counting columns.
 */
public final class SourceExcerpt {
  private SourceExcerpt() {}

  /**
   * The excerpt for {@code p} in {@code file}, or no lines when the problem has no line or the file
   * cannot be read (it may have changed since it was run).
   */
  public static List<String> of(Path file, Problem p) {
    if (p.line() <= 0) {
      return List.of();
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
    if (p.line() > lines.size()) {
      return List.of();
    }
    String source = lines.get(p.line() - 1);
    String gutter = String.format("%6d | ", p.line());
    String blank = " ".repeat(gutter.length() - 2) + "| ";
    if (p.column() <= 0 || p.column() > source.length() + 1) {
      return List.of(gutter + source);
    }
    // Keep the tabs before the column, so the caret lines up however wide a tab is shown.
    String lead = source.substring(0, p.column() - 1).replaceAll("[^\t]", " ");
    return List.of(gutter + source, blank + lead + "^");
  }
}

package gilbook.app.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@link SolutionDiff} as a unified diff: {@code -} the learner's lines, {@code +} the
 * solution's, with unchanged code around them. It compares what {@link SolutionDiff} compares (no
 * header comment, no blank lines), so it is for reading, not for {@code patch}: each hunk's header
 * names the line it starts at in each file ({@code @@ your line 27, solution line 8 @@}) instead of
 * the counts a patch tool would check.
 */
public final class UnifiedText {
  private UnifiedText() {}

  /** The lines to print, with {@code context} unchanged rows around each change. */
  public static List<String> render(
      SolutionDiff diff, String mineTitle, String solutionTitle, int context, DiffPaint paint) {
    Objects.requireNonNull(diff, "diff must not be null");
    Objects.requireNonNull(paint, "paint must not be null");
    List<String> out = new ArrayList<>();
    out.add("--- " + mineTitle);
    out.add("+++ " + solutionTitle);
    for (List<SolutionDiff.Row> hunk : diff.hunks(context)) {
      out.add(paint.paint(DiffPaint.Ink.HUNK, header(hunk)));
      List<String> removed = new ArrayList<>();
      List<String> added = new ArrayList<>();
      for (SolutionDiff.Row row : hunk) {
        if (row.isChange()) {
          if (row.mine() != null) {
            removed.add(paint.paint(DiffPaint.Ink.REMOVED, "-" + row.mine().text()));
          }
          if (row.solution() != null) {
            added.add(paint.paint(DiffPaint.Ink.ADDED, "+" + row.solution().text()));
          }
          continue;
        }
        // A change block prints all its removed lines, then all its added ones.
        out.addAll(removed);
        out.addAll(added);
        removed.clear();
        added.clear();
        out.add(row.mine() == null ? "" : " " + row.mine().text());
      }
      out.addAll(removed);
      out.addAll(added);
    }
    return out;
  }

  private static String header(List<SolutionDiff.Row> hunk) {
    List<String> where = new ArrayList<>();
    hunk.stream()
        .filter(r -> r.mine() != null)
        .findFirst()
        .ifPresent(r -> where.add("your line " + r.mine().number()));
    hunk.stream()
        .filter(r -> r.solution() != null)
        .findFirst()
        .ifPresent(r -> where.add("solution line " + r.solution().number()));
    return "@@ " + String.join(", ", where) + " @@";
  }
}

package gilbook.app.engine;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The learner's code beside the reference solution's, row by row (java-diff-utils): what the CLI's
 * {@code solution} and the window's Solution dialog both show. Only the code is compared (see
 * {@link CodeLines}: no header comment, no blank lines), and two lines that differ only in spacing
 * are the same line. Read-only: it never touches a file. Immutable and thread-safe.
 */
public final class SolutionDiff {
  /** How a row's two sides compare. */
  public enum Kind {
    /** The same code on both sides (spacing aside). */
    SAME,
    /** A line of the learner's that the solution has in another form. */
    CHANGED,
    /** A line only the learner's file has. */
    ONLY_MINE,
    /** A line only the solution has. */
    ONLY_SOLUTION,
    /** A blank line in both files, kept so the code reads as it is laid out. */
    BLANK
  }

  /**
   * One line of a file.
   *
   * @param number its number in the file, from 1
   * @param text the line, tabs expanded to four spaces
   */
  public record Line(int number, String text) {
    public Line {
      Objects.requireNonNull(text, "text must not be null");
      text = text.replace("\t", "    ");
    }
  }

  /**
   * One row: a line of the learner's beside a line of the solution's.
   *
   * @param mine the learner's line, or null when the row has none (ONLY_SOLUTION, BLANK)
   * @param solution the solution's line, or null when the row has none (ONLY_MINE, BLANK)
   */
  public record Row(Kind kind, Line mine, Line solution) {
    public Row {
      Objects.requireNonNull(kind, "kind must not be null");
    }

    /** Whether this row is a difference: not the same code, not a blank line. */
    public boolean isChange() {
      return kind != Kind.SAME && kind != Kind.BLANK;
    }
  }

  private final List<Row> rows;
  private final int mineHeader;
  private final int solutionHeader;

  private SolutionDiff(List<Row> rows, int mineHeader, int solutionHeader) {
    this.rows = List.copyOf(rows);
    this.mineHeader = mineHeader;
    this.solutionHeader = solutionHeader;
  }

  /** Compares the learner's file with the solution's, both given as lines. */
  public static SolutionDiff of(List<String> mine, List<String> solution) {
    Objects.requireNonNull(mine, "mine must not be null");
    Objects.requireNonNull(solution, "solution must not be null");
    List<Line> left = CodeLines.of(mine);
    List<Line> right = CodeLines.of(solution);
    List<Row> rows = new ArrayList<>();
    int l = 0;
    int r = 0;
    for (AbstractDelta<Line> delta :
        DiffUtils.diff(left, right, (a, b) -> spacing(a.text()).equals(spacing(b.text())))
            .getDeltas()) {
      for (; l < delta.getSource().getPosition(); l++, r++) {
        rows.add(new Row(Kind.SAME, left.get(l), right.get(r)));
      }
      int removed = delta.getSource().size();
      int added = delta.getTarget().size();
      for (int i = 0; i < Math.max(removed, added); i++) {
        Line a = i < removed ? left.get(l + i) : null;
        Line b = i < added ? right.get(r + i) : null;
        Kind kind = a == null ? Kind.ONLY_SOLUTION : b == null ? Kind.ONLY_MINE : Kind.CHANGED;
        rows.add(new Row(kind, a, b));
      }
      l += removed;
      r += added;
    }
    for (; l < left.size(); l++, r++) {
      rows.add(new Row(Kind.SAME, left.get(l), right.get(r)));
    }
    return new SolutionDiff(
        withBlankLines(rows, mine, solution),
        CodeLines.headerLength(mine),
        CodeLines.headerLength(solution));
  }

  /**
   * Reads and compares the two files. A missing learner file compares as empty (the learner may
   * have deleted it: {@code reset} brings it back).
   *
   * @throws EngineException if the solution is missing or a file cannot be read
   */
  public static SolutionDiff read(Path mine, Path solution) {
    return of(Files.exists(mine) ? lines(mine) : List.of(), lines(solution));
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new EngineException(
          "the solution file " + file + " is missing from this workbook: restore it from git.", e);
    } catch (MalformedInputException e) {
      throw new EngineException(
          file + " is not UTF-8 text; save it as UTF-8 in your editor and try again.", e);
    } catch (IOException e) {
      throw new EngineException("could not read " + file + ": " + e.getMessage(), e);
    }
  }

  /** The line with its spacing made uniform: indentation and runs of spaces do not count. */
  private static String spacing(String text) {
    return text.strip().replaceAll("\\s+", " ");
  }

  /**
   * Puts a blank row before each row whose lines all follow a blank line in their files, so that
   * methods stay apart as they are in the files. Layout only: a blank line is never a change.
   */
  private static List<Row> withBlankLines(
      List<Row> rows, List<String> mine, List<String> solution) {
    List<Row> out = new ArrayList<>();
    for (Row row : rows) {
      boolean blankBefore =
          (row.mine() == null || followsBlank(mine, row.mine()))
              && (row.solution() == null || followsBlank(solution, row.solution()));
      if (blankBefore && !out.isEmpty() && out.get(out.size() - 1).kind() != Kind.BLANK) {
        out.add(new Row(Kind.BLANK, null, null));
      }
      out.add(row);
    }
    return out;
  }

  private static boolean followsBlank(List<String> file, Line line) {
    return line.number() >= 2 && file.get(line.number() - 2).isBlank();
  }

  /** Every row, in order. */
  public List<Row> rows() {
    return rows;
  }

  /** How many lines at the top of the learner's file are its header comment, not compared. */
  public int mineHeaderLines() {
    return mineHeader;
  }

  /** How many lines at the top of the solution are its header comment, not compared. */
  public int solutionHeaderLines() {
    return solutionHeader;
  }

  /** Whether the learner's code is the solution's (comments inside the code included). */
  public boolean identical() {
    return rows.stream().noneMatch(Row::isChange);
  }

  /**
   * The changes with {@code context} rows of unchanged code around each, as in a unified diff;
   * changes closer than twice that share one hunk.
   */
  public List<List<Row>> hunks(int context) {
    if (context < 0) {
      throw new IllegalArgumentException("context must be 0 or more, not " + context);
    }
    List<List<Row>> hunks = new ArrayList<>();
    int start = -1;
    int end = -1;
    for (int i = 0; i < rows.size(); i++) {
      if (!rows.get(i).isChange()) {
        continue;
      }
      int from = Math.max(0, i - context);
      if (start >= 0 && from > end) {
        hunks.add(trimmed(start, end));
        start = -1;
      }
      if (start < 0) {
        start = from;
      }
      end = Math.min(rows.size(), i + context + 1);
    }
    if (start >= 0) {
      hunks.add(trimmed(start, end));
    }
    return hunks;
  }

  /** Rows {@code start} to {@code end}, without the blank rows at either edge. */
  private List<Row> trimmed(int start, int end) {
    while (rows.get(start).kind() == Kind.BLANK) {
      start++;
    }
    while (rows.get(end - 1).kind() == Kind.BLANK) {
      end--;
    }
    return rows.subList(start, end);
  }
}

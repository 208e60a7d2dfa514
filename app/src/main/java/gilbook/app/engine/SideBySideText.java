package gilbook.app.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A {@link SolutionDiff} as plain text, the learner's code on the left and the solution's on the
 * right, fitted to a terminal's width. Each side has its line numbers; the gutter between them
 * marks {@code |} a changed line, {@code <} a line only the learner has, {@code >} a line only the
 * solution has, as {@code diff -y} does. A line too long for its column goes on over the next rows
 * instead of being cut, so no code is hidden.
 */
public final class SideBySideText {
  /** Narrower than this, each column holds too little code to read. */
  public static final int MIN_WIDTH = 40;

  private final int numberWidth;
  private final int columnWidth;
  private final DiffPaint paint;

  private SideBySideText(SolutionDiff diff, int width, DiffPaint paint) {
    int last =
        diff.rows().stream()
            .flatMap(r -> Stream.of(r.mine(), r.solution()))
            .filter(Objects::nonNull)
            .mapToInt(SolutionDiff.Line::number)
            .max()
            .orElse(0);
    this.numberWidth = Math.max(2, String.valueOf(last).length());
    // number, space, text on each side, and " | " between them
    this.columnWidth = (width - 3 - 2 * (numberWidth + 1)) / 2;
    this.paint = paint;
  }

  /**
   * The lines to print, titles first.
   *
   * @param width the terminal's width in columns, {@link #MIN_WIDTH} or more
   */
  public static List<String> render(
      SolutionDiff diff, String mineTitle, String solutionTitle, int width, DiffPaint paint) {
    Objects.requireNonNull(diff, "diff must not be null");
    Objects.requireNonNull(paint, "paint must not be null");
    if (width < MIN_WIDTH) {
      throw new IllegalArgumentException(
          "width must be " + MIN_WIDTH + " columns or more, not " + width);
    }
    return new SideBySideText(diff, width, paint).lines(diff, mineTitle, solutionTitle);
  }

  private List<String> lines(SolutionDiff diff, String mineTitle, String solutionTitle) {
    List<String> out = new ArrayList<>();
    int cell = numberWidth + 1 + columnWidth;
    List<String> left = chunks(mineTitle, cell);
    List<String> right = chunks(solutionTitle, cell);
    for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
      out.add(strip(pad(at(left, i), cell) + "   " + at(right, i)));
    }
    out.add("-".repeat(cell) + "-+-" + "-".repeat(cell));
    for (SolutionDiff.Row row : diff.rows()) {
      addRow(out, row);
    }
    return out;
  }

  private void addRow(List<String> out, SolutionDiff.Row row) {
    List<String> left = row.mine() == null ? List.of("") : chunks(row.mine().text(), columnWidth);
    List<String> right =
        row.solution() == null ? List.of("") : chunks(row.solution().text(), columnWidth);
    String mark =
        switch (row.kind()) {
          case CHANGED -> "|";
          case ONLY_MINE -> "<";
          case ONLY_SOLUTION -> ">";
          case SAME, BLANK -> " ";
        };
    boolean changedLeft =
        row.kind() == SolutionDiff.Kind.CHANGED || row.kind() == SolutionDiff.Kind.ONLY_MINE;
    boolean changedRight =
        row.kind() == SolutionDiff.Kind.CHANGED || row.kind() == SolutionDiff.Kind.ONLY_SOLUTION;
    for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
      String a = at(left, i);
      String b = at(right, i);
      out.add(
          strip(
              number(i == 0 ? row.mine() : null)
                  + " "
                  + (changedLeft ? paint.paint(DiffPaint.Ink.REMOVED, a) : a)
                  + " ".repeat(columnWidth - a.codePointCount(0, a.length()))
                  + " "
                  + mark
                  + " "
                  + number(i == 0 ? row.solution() : null)
                  + " "
                  + (changedRight ? paint.paint(DiffPaint.Ink.ADDED, b) : b)));
    }
  }

  private String number(SolutionDiff.Line line) {
    String n = line == null ? "" : String.valueOf(line.number());
    return " ".repeat(numberWidth - n.length()) + n;
  }

  /**
   * The text in pieces of at most {@code width} characters, never splitting a character, and
   * breaking after a space when there is one late enough in the piece, so words stay whole.
   */
  private static List<String> chunks(String text, int width) {
    List<String> out = new ArrayList<>();
    int[] cps = text.stripTrailing().codePoints().toArray();
    int i = 0;
    while (i < cps.length) {
      int end = Math.min(cps.length, i + width);
      if (end < cps.length) {
        for (int j = end; j > i + width * 2 / 3; j--) {
          if (cps[j - 1] == ' ') {
            end = j;
            break;
          }
        }
      }
      out.add(new String(cps, i, end - i));
      i = end;
    }
    return out.isEmpty() ? List.of("") : out;
  }

  private static String at(List<String> pieces, int i) {
    return i < pieces.size() ? pieces.get(i) : "";
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(Math.max(0, width - s.codePointCount(0, s.length())));
  }

  private static String strip(String line) {
    return line.stripTrailing();
  }
}

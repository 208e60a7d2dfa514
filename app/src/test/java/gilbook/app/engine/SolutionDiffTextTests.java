package gilbook.app.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The solution diff as terminal text: side by side, fitted to a width, or unified. */
class SolutionDiffTextTests {
  private static final String LONG =
      "    long[][] factors = py.allowThreads(() -> computeEveryFactorOf(values, andThenSome));";
  private static final SolutionDiff DIFF =
      SolutionDiff.of(
          List.of("// header", "", "int f() {", "    return 0; // TODO", "}"),
          List.of("int f() {", LONG, "    return 1;", "}"));

  @Nested
  class SideBySide {

    @Test
    void marksEachRowAndNumbersEachSide() {
      List<String> lines = SideBySideText.render(DIFF, "yours", "solution", 80, DiffPaint.none());
      // The right title starts where the right side's line numbers do.
      assertEquals("yours" + " ".repeat(36) + "solution", lines.get(0));
      // 80 columns: two line numbers of 2, two code columns of 35, and " | " between.
      assertEquals(" 3 " + "int f() {" + " ".repeat(26) + "   " + " 1 int f() {", lines.get(2));
      assertTrue(lines.get(3).startsWith(" 4     return 0; // TODO"), lines::toString);
      assertTrue(lines.get(3).contains(" |  2     long[][] factors"), lines::toString);
      assertTrue(lines.stream().anyMatch(l -> l.contains(" >  3     return 1;")), lines::toString);
    }

    @Test
    void fitsTheWidthAndWrapsALongLineWithoutLosingAnyOfIt() {
      for (int width : List.of(40, 41, 80, 100, 200)) {
        List<String> lines =
            SideBySideText.render(DIFF, "yours", "solution", width, DiffPaint.none());
        for (String line : lines) {
          assertTrue(line.length() <= width, () -> width + " columns, got: " + line);
        }
        int column = lines.get(2).indexOf("int f() {", 10);
        String rightSide =
            lines.stream()
                .filter(l -> l.length() > column)
                .map(l -> l.substring(column))
                .reduce("", String::concat);
        // A line breaks at a space when it can, and a trailing space is not printed.
        assertTrue(
            rightSide.replace(" ", "").contains(LONG.replace(" ", "")),
            () -> width + " columns:\n" + String.join("\n", lines));
        assertTrue(lines.stream().noneMatch(l -> l.contains("…")), lines::toString);
      }
    }

    @Test
    void paintsOnlyTheChangedText() {
      List<String> lines =
          SideBySideText.render(
              DIFF, "yours", "solution", 100, (ink, text) -> "<" + ink + ":" + text + ">");
      assertTrue(lines.get(2).indexOf('<') < 0, lines::toString);
      assertTrue(lines.get(3).contains("<REMOVED:    return 0; // TODO>"), lines::toString);
      assertTrue(lines.get(3).contains("<ADDED:    long[][] factors"), lines::toString);
    }

    @Test
    void refusesAWidthTooNarrowToRead() {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> SideBySideText.render(DIFF, "a", "b", 39, DiffPaint.none()));
      assertTrue(e.getMessage().contains("40"), e::getMessage);
    }
  }

  @Nested
  class Unified {

    @Test
    void listsRemovedThenAddedLinesUnderAHeaderNamingWhereTheyAre() {
      assertEquals(
          List.of(
              "--- your a.jsh",
              "+++ solution a.jsh",
              "@@ your line 3, solution line 1 @@",
              " int f() {",
              "-    return 0; // TODO",
              "+" + LONG,
              "+    return 1;",
              " }"),
          UnifiedText.render(DIFF, "your a.jsh", "solution a.jsh", 3, DiffPaint.none()));
    }
  }
}

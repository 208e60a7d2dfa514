package gilbook.app.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gilbook.app.TempWorkbook;
import gilbook.app.engine.SolutionDiff.Kind;
import gilbook.app.engine.SolutionDiff.Row;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the solution diff compares, and how its rows line up. */
class SolutionDiffTests {
  private static final List<String> EXERCISE =
      List.of(
          "// Chapter 1 · An exercise", // 1
          "//", // 2
          "// The task, in plain words.", // 3
          "", // 4
          "int twice(int x) {", // 5
          "    return x; // TODO: double it", // 6
          "}"); // 7

  private static final List<String> SOLUTION =
      List.of(
          "// Chapter 1 · An exercise (solution)", // 1
          "", // 2
          "int twice(int x) {", // 3
          "    // Doubling is one addition.", // 4
          "    return x + x;", // 5
          "}"); // 6

  @Nested
  class TheHeaderComment {

    @Test
    void isLeftOutOnBothSidesAndCounted() {
      SolutionDiff diff = SolutionDiff.of(EXERCISE, SOLUTION);
      assertEquals(4, diff.mineHeaderLines());
      assertEquals(2, diff.solutionHeaderLines());
      assertTrue(
          diff.rows().stream()
              .noneMatch(r -> r.mine() != null && r.mine().text().contains("Chapter")),
          diff.rows()::toString);
    }

    @Test
    void endsAtTheLastBlankLineSoACommentTouchingTheCodeIsCompared() {
      List<String> mine =
          List.of("// header", "", "// TODO: write twice", "int twice(int x) {", "}");
      SolutionDiff diff = SolutionDiff.of(mine, List.of("int twice(int x) {", "}"));
      assertEquals(2, diff.mineHeaderLines());
      assertEquals(
          new Row(Kind.ONLY_MINE, line(3, "// TODO: write twice"), null), diff.rows().get(0));
    }

    @Test
    void aBlockCommentCountsAsHeader() {
      List<String> mine = List.of("/*", " * The task.", " */", "", "int x = 1;");
      assertEquals(4, SolutionDiff.of(mine, List.of("int x = 1;")).mineHeaderLines());
    }

    @Test
    void aFileWithoutOneComparesFromItsFirstLine() {
      SolutionDiff diff = SolutionDiff.of(List.of("int x = 1;"), List.of("int x = 1;"));
      assertEquals(0, diff.mineHeaderLines());
      assertTrue(diff.identical());
    }
  }

  @Nested
  class TheCode {

    @Test
    void keepsTheLearnersTodoBesideTheSolutionsExplanation() {
      SolutionDiff diff = SolutionDiff.of(EXERCISE, SOLUTION);
      assertEquals(
          List.of(
              new Row(Kind.SAME, line(5, "int twice(int x) {"), line(3, "int twice(int x) {")),
              new Row(
                  Kind.CHANGED,
                  line(6, "    return x; // TODO: double it"),
                  line(4, "    // Doubling is one addition.")),
              new Row(Kind.ONLY_SOLUTION, null, line(5, "    return x + x;")),
              new Row(Kind.SAME, line(7, "}"), line(6, "}"))),
          diff.rows());
    }

    @Test
    void blankLinesAndSpacingAreNotChanges() {
      List<String> mine = List.of("int f() {", "", "", "  return   1;", "}");
      List<String> solution = List.of("int f() {", "        return 1;", "}", "");
      SolutionDiff diff = SolutionDiff.of(mine, solution);
      assertTrue(diff.identical(), diff.rows()::toString);
      assertEquals(line(4, "  return   1;"), diff.rows().get(1).mine(), "numbers of the file");
    }

    @Test
    void aBlankLineInBothFilesIsKeptAsABlankRow() {
      List<String> mine = List.of("int a;", "", "int b;");
      List<String> solution = List.of("int a;", "", "int b;");
      List<Kind> kinds = SolutionDiff.of(mine, solution).rows().stream().map(Row::kind).toList();
      assertEquals(List.of(Kind.SAME, Kind.BLANK, Kind.SAME), kinds);
    }

    @Test
    void tabsAreShownAsFourSpaces() {
      SolutionDiff diff = SolutionDiff.of(List.of("\treturn 1;"), List.of("    return 1;"));
      assertEquals("    return 1;", diff.rows().get(0).mine().text());
      assertTrue(diff.identical());
    }

    @Test
    void theShippedStubDiffersFromItsSolutionOnlyInCode() throws Exception {
      Path stub =
          TempWorkbook.REAL_ROOT.resolve(
              "exercises/src/main/resources/stubs/01-why-the-gil/refcount_by_hand.jsh.stub");
      SolutionDiff diff =
          SolutionDiff.of(Files.readAllLines(stub), TempWorkbook.solution().lines().toList());
      assertFalse(diff.identical());
      assertTrue(
          diff.rows().get(0).mine().text().startsWith("void listAppend"), diff.rows()::toString);
    }
  }

  @Nested
  class Hunks {

    @Test
    void holdEachChangeWithItsContextAndMergeNearOnes() {
      List<String> mine = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j");
      List<String> solution = List.of("a", "B", "c", "d", "e", "f", "g", "h", "I", "j");
      SolutionDiff diff = SolutionDiff.of(mine, solution);
      assertEquals(2, diff.hunks(1).size());
      assertEquals(List.of("a", "b", "c"), texts(diff.hunks(1).get(0)));
      assertEquals(List.of("h", "i", "j"), texts(diff.hunks(1).get(1)));
      assertEquals(1, diff.hunks(3).size(), "changes 7 rows apart share a hunk with 3 of context");
    }

    @Test
    void areNoneWhenTheCodeIsTheSame() {
      assertEquals(List.of(), SolutionDiff.of(List.of("a"), List.of("a")).hunks(3));
    }

    private List<String> texts(List<Row> rows) {
      return rows.stream().map(r -> r.mine().text()).toList();
    }
  }

  @Nested
  class Reading {
    @TempDir Path dir;

    @Test
    void aMissingLearnerFileComparesAsEmpty() throws Exception {
      Path solution = Files.writeString(dir.resolve("s.jsh"), "int x = 1;\n");
      SolutionDiff diff = SolutionDiff.read(dir.resolve("gone.jsh"), solution);
      assertEquals(List.of(new Row(Kind.ONLY_SOLUTION, null, line(1, "int x = 1;"))), diff.rows());
    }

    @Test
    void aMissingSolutionNamesTheFileAndTheWayBack() {
      EngineException e =
          assertThrows(
              EngineException.class,
              () -> SolutionDiff.read(dir.resolve("a.jsh"), dir.resolve("s.jsh")));
      assertTrue(e.getMessage().contains("s.jsh"), e::getMessage);
      assertTrue(e.getMessage().contains("restore it"), e::getMessage);
    }

    @Test
    void aFileThatIsNotUtf8SaysHowToFixIt() throws Exception {
      Path mine = Files.write(dir.resolve("a.jsh"), new byte[] {(byte) 0xff, (byte) 0xfe, 'x'});
      Path solution = Files.writeString(dir.resolve("s.jsh"), "int x = 1;\n");
      EngineException e =
          assertThrows(EngineException.class, () -> SolutionDiff.read(mine, solution));
      assertTrue(e.getMessage().contains("save it as UTF-8"), e::getMessage);
    }
  }

  private static SolutionDiff.Line line(int number, String text) {
    return new SolutionDiff.Line(number, text);
  }
}

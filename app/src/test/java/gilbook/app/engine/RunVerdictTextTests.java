package gilbook.app.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gilbook.app.engine.RunVerdictText.Line;
import gilbook.app.engine.RunVerdictText.Tone;
import gilbook.exercises.harness.Problem;
import gilbook.exercises.worker.WorkerResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The words that end a Run, which the CLI prints and the window's console shows: every ending is
 * said, and a problem shows the line it points at.
 */
class RunVerdictTextTests {
  @TempDir Path dir;

  private static Workbook.RunOutcome ran(List<Problem> problems, long dropped) {
    WorkerResult r =
        new WorkerResult(
            "n", "ran", problems, null, null, "1 interpreter(s)", List.of("  thread  held ms"));
    return new Workbook.RunOutcome(Optional.of(r), false, 0, "", dropped, RunLimits.SECONDS);
  }

  private static List<String> texts(List<Line> lines) {
    return lines.stream().map(Line::text).toList();
  }

  @Nested
  class ACleanRun {
    @Test
    void endsWithTheGilSummaryUnderItsHeading() {
      List<Line> lines = RunVerdictText.lines(ran(List.of(), 0), Path.of("x.jsh"), "x.jsh", false);
      assertEquals(
          List.of(
              new Line(Tone.HEADING, "GIL summary (1 interpreter(s))"),
              new Line(Tone.PLAIN, "  thread  held ms")),
          lines);
      assertTrue(RunVerdictText.ranCleanly(ran(List.of(), 0)));
    }

    @Test
    void saysWhenItsOutputWasCut() {
      List<Line> lines = RunVerdictText.lines(ran(List.of(), 42), Path.of("x.jsh"), "x.jsh", false);
      assertEquals(new Line(Tone.NOTE, "[output truncated: 42 more bytes]"), lines.get(0));
    }
  }

  @Nested
  class AProblem {
    @Test
    void isShownWithTheSourceLineAndACaretUnderItsColumn() throws IOException {
      Path file = dir.resolve("bad.jsh");
      Files.writeString(file, "int a = 1;\n  var p = Paths.get(\"x\");\n");
      Problem p = new Problem(Problem.Kind.COMPILE, 2, 11, "cannot find symbol: variable Paths");
      String text = RunVerdictText.text(ran(List.of(p), 0), file, "bad.jsh", false);
      assertTrue(
          text.startsWith(
              "✗ bad.jsh:2:11: cannot find symbol: variable Paths\n"
                  + "     2 |   var p = Paths.get(\"x\");\n"
                  + "       |           ^\n"
                  + "GIL summary"),
          text);
      assertFalse(RunVerdictText.ranCleanly(ran(List.of(p), 0)));
    }

    @Test
    void inAFileThatCouldNotBeReadLeavesNoGilSummaryToShow() {
      Problem p = new Problem(Problem.Kind.FILE, 0, 0, "the file is empty. Check the path.");
      WorkerResult r = new WorkerResult("n", "problems", List.of(p), null, null, "", null);
      Workbook.RunOutcome o = new Workbook.RunOutcome(Optional.of(r), false, 0, "", 0, 30);
      assertEquals(
          List.of(new Line(Tone.FAILED, "✗ empty.jsh: the file is empty. Check the path.")),
          RunVerdictText.lines(o, dir.resolve("empty.jsh"), "empty.jsh", false));
    }

    @Test
    void inAFileThatIsGoneIsStillNamed() {
      Problem p = new Problem(Problem.Kind.EXCEPTION, 3, 0, "NullPointerException");
      List<String> lines =
          texts(
              RunVerdictText.lines(ran(List.of(p), 0), dir.resolve("gone.jsh"), "gone.jsh", false));
      assertEquals("✗ gone.jsh:3: NullPointerException", lines.get(0));
      assertTrue(lines.get(1).startsWith("GIL summary"), lines::toString);
    }
  }

  @Nested
  class ARunThatDidNotEnd {
    @Test
    void stoppedByTheLearnerSaysSoAndNothingElse() {
      assertEquals(
          List.of(new Line(Tone.STOPPED, "■ stopped before the code ended")),
          RunVerdictText.lines(ran(List.of(), 0), Path.of("x.jsh"), "x.jsh", true));
    }

    @Test
    void endedByTheJvmExitingSaysWhatToLookFor() {
      Workbook.RunOutcome o =
          new Workbook.RunOutcome(Optional.empty(), false, 3, "", 0, RunLimits.SECONDS);
      List<Line> lines = RunVerdictText.lines(o, Path.of("x.jsh"), "x.jsh", false);
      assertEquals(1, lines.size(), lines::toString);
      assertEquals(Tone.FAILED, lines.get(0).tone());
      assertTrue(lines.get(0).text().startsWith("✗ the JVM running the code ended early"));
      assertTrue(lines.get(0).text().contains("System.exit"), lines::toString);
      assertFalse(RunVerdictText.ranCleanly(o));
    }

    @Test
    void aTimeoutGivesTheWatchdogsWords() {
      String detail = "your code did not finish within the time limit of 30 s";
      WorkerResult r = new WorkerResult("n", "timeout", null, null, null, detail, null);
      Workbook.RunOutcome o = new Workbook.RunOutcome(Optional.of(r), false, 0, "", 0, 30);
      assertEquals(
          List.of(new Line(Tone.FAILED, "✗ " + detail)),
          RunVerdictText.lines(o, Path.of("x.jsh"), "x.jsh", false));
    }
  }

  @Nested
  class TheSourceExcerpt {
    @Test
    void keepsTabsBeforeTheCaretSoItLinesUp() throws IOException {
      Path file = dir.resolve("tabs.jsh");
      Files.writeString(file, "\tfoo(bar);\n");
      Problem p = new Problem(Problem.Kind.COMPILE, 1, 6, "cannot find symbol: variable bar");
      assertEquals(List.of("     1 | \tfoo(bar);", "       | \t    ^"), SourceExcerpt.of(file, p));
    }

    @Test
    void showsTheLineAloneWithoutAColumnAndNothingPastTheEnd() throws IOException {
      Path file = dir.resolve("one.jsh");
      Files.writeString(file, "throw new RuntimeException();\n");
      Problem noColumn = new Problem(Problem.Kind.EXCEPTION, 1, 0, "RuntimeException");
      assertEquals(
          List.of("     1 | throw new RuntimeException();"), SourceExcerpt.of(file, noColumn));
      Problem pastTheEnd = new Problem(Problem.Kind.EXCEPTION, 9, 0, "RuntimeException");
      assertEquals(List.of(), SourceExcerpt.of(file, pastTheEnd));
    }
  }
}

package gilbook.app.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gilbook.app.TempWorkbook;
import gilbook.exercises.harness.Problem;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding a lesson's runnable ```jshell blocks, and running one in a worker JVM. */
class LessonBlocksTests {
  @TempDir static Path dir;

  private static Workbook workbook;

  @BeforeAll
  static void open() {
    workbook = Workbook.open(TempWorkbook.copyInto(dir.resolve("wb")).root());
  }

  @AfterAll
  static void close() {
    workbook.close();
  }

  private static final String LESSON =
      """
      # A lesson

      ```java
      int notRunnable = 1;
      ```

      ```jshell
      System.out.println("first");
      ```

      - In a list:

        ```jshell
        System.out.println("second");
        int y = nope;
        ```

      ```jshell title="third"
      throw new IllegalStateException("boom");
      ```
      """;

  @Test
  void findsTheJShellBlocksInOrderWithTheirLines() {
    List<LessonBlocks.Block> blocks = LessonBlocks.in(LESSON);
    assertEquals(3, blocks.size(), blocks.toString());
    assertEquals(List.of(1, 2, 3), blocks.stream().map(LessonBlocks.Block::number).toList());
    assertEquals("System.out.println(\"first\");\n", blocks.get(0).code());
    assertEquals(8, blocks.get(0).firstLine());
    assertEquals(14, blocks.get(1).firstLine());
    assertEquals(15, blocks.get(1).lessonLine(2));
    assertTrue(blocks.get(2).code().contains("boom"));
    assertEquals(0, LessonBlocks.in("```java\nint x;\n```\n```jshellx\n```\n").size());
  }

  @Test
  void countsBlocksInWords() {
    assertEquals("no runnable ```jshell blocks", LessonBlocks.count(0));
    assertEquals("1 runnable ```jshell block", LessonBlocks.count(1));
    assertEquals("3 runnable ```jshell blocks", LessonBlocks.count(3));
  }

  private static Path lesson() throws Exception {
    Path file = dir.resolve("lesson.md");
    Files.writeString(file, LESSON);
    return file;
  }

  @Test
  void aBlockRunsWithTheRuntimesImportsAndLeavesATrace() throws Exception {
    Path lesson = dir.resolve("interp.md");
    Files.writeString(
        lesson,
        """
        ```jshell
        try (Interpreter interp = Interpreter.builder().clock(Clock.virtual(42)).build()) {
          interp.start("worker", () -> Eval.loop(1000, i -> Eval.instruction()));
          interp.awaitThreads();
        }
        System.out.println("ran " + Duration.ofMillis(1));
        ```
        """);
    Path trace = dir.resolve("trace.json");
    ByteArrayOutputStream echo = new ByteArrayOutputStream();
    Workbook.RunOutcome o =
        LessonBlocks.run(
            workbook, lesson, LessonBlocks.read(lesson).get(0), trace, echo, new Cancellation());
    assertTrue(RunVerdictText.ranCleanly(o), () -> RunVerdictText.text(o, lesson, "l", false));
    assertTrue(echo.toString(StandardCharsets.UTF_8).contains("ran PT0.001S"), o.output());
    assertTrue(Files.size(trace) > 0, "the last interpreter's trace");
    assertTrue(RunVerdictText.text(o, lesson, "l", false).contains("GIL summary (1 interpreter"));
  }

  @Test
  void aCompileErrorPointsAtTheLessonsLineAndColumn() throws Exception {
    Path lesson = lesson();
    Workbook.RunOutcome o =
        LessonBlocks.run(
            workbook, lesson, LessonBlocks.read(lesson).get(1), null, null, new Cancellation());
    assertFalse(RunVerdictText.ranCleanly(o));
    Problem p = o.result().orElseThrow().problems().get(0);
    assertEquals(Problem.Kind.COMPILE, p.kind());
    assertEquals(15, p.line(), p.toString());
    String text = RunVerdictText.text(o, lesson, "lesson.md", false);
    assertTrue(text.contains("✗ lesson.md:15:"), text);
    assertTrue(text.contains("    15 |   int y = nope;"), text);
    int caret = text.lines().filter(l -> l.endsWith("^")).findFirst().orElseThrow().indexOf('^');
    assertEquals(
        text.lines()
            .filter(l -> l.contains("int y = nope"))
            .findFirst()
            .orElseThrow()
            .indexOf("nope"),
        caret,
        "the caret sits under the lesson's text, indented as it is:\n" + text);
  }

  @Test
  void anExceptionFailsTheRun() throws Exception {
    Path lesson = lesson();
    Workbook.RunOutcome o =
        LessonBlocks.run(
            workbook, lesson, LessonBlocks.read(lesson).get(2), null, null, new Cancellation());
    assertFalse(RunVerdictText.ranCleanly(o));
    Problem p = o.result().orElseThrow().problems().get(0);
    assertEquals(Problem.Kind.EXCEPTION, p.kind());
    assertTrue(p.message().contains("boom"), p.toString());
  }

  @Test
  void anEmptyBlockSaysSo() throws Exception {
    Path lesson = dir.resolve("empty.md");
    Files.writeString(lesson, "```jshell\n```\n");
    Workbook.RunOutcome o =
        LessonBlocks.run(
            workbook, lesson, LessonBlocks.read(lesson).get(0), null, null, new Cancellation());
    assertFalse(RunVerdictText.ranCleanly(o));
    assertEquals(
        "block 1 is empty.", o.result().orElseThrow().problems().get(0).message(), o.toString());
  }
}

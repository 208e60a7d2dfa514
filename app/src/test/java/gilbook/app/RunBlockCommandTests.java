package gilbook.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code gilbook run LESSON.md --block K}: runs a lesson's K-th ```jshell block. */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class RunBlockCommandTests {
  @RegisterExtension static final TempWorkbookExtension workbook = new TempWorkbookExtension();

  private static final String LESSON =
      """
      # Blocks

      ```jshell
      try (Interpreter interp = Interpreter.builder().clock(Clock.virtual(42)).build()) {
        interp.start("cruncher", () -> Eval.loop(1000, i -> Eval.instruction()));
        interp.awaitThreads();
      }
      System.out.println("block one ran");
      ```

      ```java
      not runnable;
      ```

      ```jshell
      int x = 1;
      String s = missing;
      ```
      """;

  private static Path lesson() throws IOException {
    Path file = workbook.scratch("blocks.md");
    Files.writeString(file, LESSON);
    return file;
  }

  private static void assertContains(String haystack, String needle) {
    assertTrue(haystack.contains(needle), () -> "expected '" + needle + "' in:\n" + haystack);
  }

  @Test
  void runsTheBlockAndPrintsItsOutputAndGilSummary() throws IOException {
    Path trace = workbook.scratch("trace.json");
    TempWorkbook.Run r =
        workbook.run("run", lesson().toString(), "--block", "1", "--trace", trace.toString());
    assertEquals(0, r.exit(), r::toString);
    assertContains(r.out(), ", block 1 (lines 4–8)");
    assertContains(r.out(), "block one ran");
    assertContains(r.out(), "GIL summary (1 interpreter(s))");
    assertTrue(Files.size(trace) > 0, "--trace writes the last interpreter's trace");
  }

  @Test
  void aBrokenBlockPointsAtTheLessonsLine() throws IOException {
    TempWorkbook.Run r = workbook.run("run", lesson().toString(), "--block", "2");
    assertEquals(1, r.exit(), r::toString);
    assertContains(r.out(), "blocks.md:17:");
    assertContains(r.out(), "    17 | String s = missing;");
  }

  @Test
  void jsonNamesTheBlock() throws IOException {
    JsonNode json = workbook.run("run", lesson().toString(), "--block", "1", "--json").json();
    assertEquals(1, json.path("block").asInt(), json.toString());
    assertEquals("ran", json.path("status").asText(), json.toString());
    assertContains(json.path("output").asText(), "block one ran");
  }

  @Test
  void aBlockOutOfRangeIsAUsageErrorThatSaysHowManyThereAre() throws IOException {
    TempWorkbook.Run r = workbook.run("run", lesson().toString(), "--block", "3");
    assertEquals(2, r.exit(), r::toString);
    assertContains(r.err(), "--block 3 is out of range");
    assertContains(r.err(), "has 2 runnable ```jshell blocks: K is 1 to 2.");
    assertEquals(2, workbook.run("run", lesson().toString(), "--block", "0").exit());
  }

  @Test
  void aLessonWithoutBlockIsAUsageErrorNamingTheOption() throws IOException {
    TempWorkbook.Run r = workbook.run("run", lesson().toString());
    assertEquals(2, r.exit(), r::toString);
    assertContains(r.err(), "--block K");
    assertContains(r.err(), "2 runnable ```jshell blocks");
    assertFalse(r.err().contains("internal error"), r::toString);
  }

  @Test
  void aLessonWithoutBlocksSaysSo() throws IOException {
    Path file = workbook.scratch("none.md");
    Files.writeString(file, "# None\n\n```java\nint x;\n```\n");
    TempWorkbook.Run r = workbook.run("run", file.toString(), "--block", "1");
    assertEquals(2, r.exit(), r::toString);
    assertContains(r.err(), "has no runnable ```jshell blocks, so there is nothing to run.");
  }

  @Test
  void blockOnAnythingButALessonIsAUsageError() {
    TempWorkbook.Run r = workbook.run("run", TempWorkbook.REFCOUNT, "--block", "1");
    assertEquals(2, r.exit(), r::toString);
    assertContains(r.err(), "--block runs a ```jshell block of a lesson");
  }

  @Test
  void aMissingLessonIsAUsageErrorNamingIt() {
    TempWorkbook.Run r = workbook.run("run", "chapters/99-nothing.md", "--block", "1");
    assertEquals(2, r.exit(), r::toString);
    assertContains(r.err(), "chapters/99-nothing.md");
  }
}

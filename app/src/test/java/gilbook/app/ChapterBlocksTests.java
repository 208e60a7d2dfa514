package gilbook.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import gilbook.app.engine.Cancellation;
import gilbook.app.engine.LessonBlocks;
import gilbook.app.engine.RunVerdictText;
import gilbook.app.engine.Workbook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every runnable {@code ```jshell} block of every lesson in chapters/ runs cleanly, through the
 * engine in a worker JVM, as the window's Run link and {@code gilbook run LESSON.md --block K} run
 * it: so no block rots as the runtime changes. A block that does not compile or throws fails its
 * own test, named by its chapter and number. The blocks run one after another.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class ChapterBlocksTests {
  @TempDir static Path dir;

  private static TempWorkbook copy;
  private static Workbook workbook;

  @BeforeAll
  static void open() {
    copy = TempWorkbook.copyInto(dir.resolve("wb"));
    workbook = Workbook.open(copy.root());
  }

  @AfterAll
  static void close() {
    workbook.close();
  }

  /** The lessons of the workbook's copy: chapters/*.md, in order. */
  private static List<Path> lessons() throws IOException {
    try (Stream<Path> files = Files.list(copy.resolve("chapters"))) {
      return files.filter(f -> f.getFileName().toString().endsWith(".md")).sorted().toList();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyJShellBlockOfEveryChapterRunsCleanly() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path lesson : lessons()) {
      List<LessonBlocks.Block> blocks = LessonBlocks.read(lesson);
      for (LessonBlocks.Block block : blocks) {
        String name = where(lesson, block);
        tests.add(
            DynamicTest.dynamicTest(name, () -> problem(lesson, block).ifPresent(p -> fail(p))));
      }
    }
    return tests.stream();
  }

  @Test
  void theChaptersAreThere() throws IOException {
    // Guards the walk above: a test that finds no lesson would pass for any chapter.
    assertTrue(lessons().size() >= 3, () -> "lessons found: " + uncheckedLessons());
  }

  @Test
  void aBrokenBlockFailsNamingItsChapterAndBlock() throws IOException {
    Path chapters = copy.resolve("chapters");
    Path lesson = chapters.resolve("99-scratch-" + System.nanoTime() + ".md");
    Files.writeString(
        lesson,
        """
        # Scratch

        ```jshell
        System.out.println("fine");
        ```

        ```jshell
        int x = notDefined;
        ```

        ```jshell
        throw new IllegalStateException("boom");
        ```
        """);
    try {
      List<LessonBlocks.Block> blocks = LessonBlocks.read(lesson);
      assertEquals(Optional.empty(), problem(lesson, blocks.get(0)));
      String compile = problem(lesson, blocks.get(1)).orElseThrow();
      assertTrue(compile.startsWith(where(lesson, blocks.get(1))), compile);
      assertTrue(compile.contains("block 2 (line 8)"), compile);
      assertTrue(compile.contains("cannot find symbol"), compile);
      String thrown = problem(lesson, blocks.get(2)).orElseThrow();
      assertTrue(thrown.contains("block 3"), thrown);
      assertTrue(thrown.contains("boom"), thrown);
    } finally {
      Files.delete(lesson);
    }
  }

  private static String where(Path lesson, LessonBlocks.Block block) {
    return workbook.display(lesson)
        + ", block "
        + block.number()
        + " (line "
        + block.firstLine()
        + ")";
  }

  /** Why {@code block} does not run cleanly, naming its chapter and number; empty when it does. */
  private static Optional<String> problem(Path lesson, LessonBlocks.Block block) {
    Workbook.RunOutcome o =
        LessonBlocks.run(workbook, lesson, block, null, null, new Cancellation());
    if (RunVerdictText.ranCleanly(o)) {
      return Optional.empty();
    }
    return Optional.of(
        where(lesson, block)
            + " does not run cleanly:\n"
            + RunVerdictText.text(o, lesson, workbook.display(lesson), false)
            + "--- its output:\n"
            + o.output());
  }

  private static String uncheckedLessons() {
    try {
      return lessons().toString();
    } catch (IOException e) {
      return e.toString();
    }
  }
}

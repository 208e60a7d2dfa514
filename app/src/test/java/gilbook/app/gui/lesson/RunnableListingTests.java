package gilbook.app.gui.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gilbook.app.engine.LessonBlocks;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** ```dis blocks become runnable listings with a link under them; other code stays as it was. */
class RunnableListingTests {
  private final LessonRenderer renderer = new LessonRenderer();

  @Test
  void aDisBlockIsCollectedWithItsOptionsAndGetsARunLink() {
    String md =
        "# T\n\n```dis {\"threads\": 2}\n  4           0 RESUME                   0\n```\n\n"
            + "```java\nint x = 1;\n```\n";
    RenderedLesson page = renderer.render(md, Path.of("."), LessonTheme.LIGHT, 1.0);
    assertEquals(1, page.listings().size());
    assertEquals("{\"threads\": 2}", page.listings().get(0).options());
    assertTrue(page.listings().get(0).listing().contains("RESUME"));
    assertTrue(page.html().contains("href=\"gilbook-run-listing:0\""), page.html());
    assertTrue(page.html().contains("class=\"language-java\""), "other blocks are unchanged");
  }

  @Test
  void aDisBlockWithoutOptionsRunsWithDefaults() {
    RenderedLesson page = renderer.render("```dis\nx\n```\n", Path.of("."), LessonTheme.LIGHT, 1.0);
    assertEquals("{}", page.listings().get(0).options());
  }

  @Test
  void theRunLinkIsRecognisedAndOtherSchemesAreNot() {
    assertEquals(
        new LessonLink.RunListing(3), LessonLink.of("gilbook-run-listing:3", Path.of(".")));
    assertFalse(
        LessonLink.of("gilbook-run-listing:x", Path.of(".")) instanceof LessonLink.RunListing);
  }

  @Test
  void aJShellBlockIsJavaWithARunLinkNumberedAsTheEngineNumbersIt() {
    String md =
        "# T\n\n```jshell\nint a = 1;\n```\n\n```java\nint b;\n```\n\n"
            + "> ```jshell\n> int c = 3;\n> ```\n";
    RenderedLesson page = renderer.render(md, Path.of("."), LessonTheme.LIGHT, 1.0);
    assertEquals(LessonBlocks.in(md), page.blocks());
    assertEquals(2, page.blocks().size());
    assertEquals(4, page.blocks().get(0).firstLine());
    assertTrue(page.html().contains("href=\"gilbook-run-block:1\""), page.html());
    assertTrue(page.html().contains("href=\"gilbook-run-block:2\""), page.html());
    assertTrue(page.html().contains("<code class=\"language-java\">int a = 1;"), page.html());
    assertTrue(page.listings().isEmpty());
  }

  @Test
  void theBlockRunLinkIsRecognised() {
    assertEquals(new LessonLink.RunBlock(2), LessonLink.of("gilbook-run-block:2", Path.of(".")));
    assertFalse(LessonLink.of("gilbook-run-block:x", Path.of(".")) instanceof LessonLink.RunBlock);
  }

  @Test
  void eachChapterGivesTheWindowTheBlocksTheEngineFinds() throws Exception {
    for (Path chapter : Chapters.all()) {
      RenderedLesson page = renderer.render(chapter, LessonTheme.LIGHT, 1.0);
      assertEquals(LessonBlocks.read(chapter), page.blocks(), chapter.toString());
    }
  }

  @Test
  void chapterOneHasARunnableListing() {
    RenderedLesson page = renderer.render(Chapters.chapter1(), LessonTheme.LIGHT, 1.0);
    assertEquals(1, page.listings().size());
    assertTrue(page.listings().get(0).listing().contains("JUMP_BACKWARD"));
  }
}

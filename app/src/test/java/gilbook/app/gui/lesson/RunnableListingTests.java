package gilbook.app.gui.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
  void chapterOneHasARunnableListing() {
    RenderedLesson page = renderer.render(Chapters.chapter1(), LessonTheme.LIGHT, 1.0);
    assertEquals(1, page.listings().size());
    assertTrue(page.listings().get(0).listing().contains("JUMP_BACKWARD"));
  }
}

package gilbook.app.gui.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What a lesson link does, decided from its href. */
class LessonLinkTests {
  private final Path chapters = Path.of("/work/book/chapters");

  private LessonLink of(String href) {
    return LessonLink.of(href, chapters);
  }

  @Test
  void aFragmentIsAnAnchorOnThisPage() {
    assertEquals(new LessonLink.Anchor("reference-counting"), of("#reference-counting"));
    assertEquals(new LessonLink.Anchor("a b"), of("#a%20b"));
  }

  @Test
  void aRelativeMarkdownFileIsAnotherLesson() {
    assertEquals(
        new LessonLink.Lesson(chapters.resolve("02-reference-count-races.md")),
        of("02-reference-count-races.md"));
    assertEquals(
        new LessonLink.Lesson(chapters.resolve("03-switching.md")), of("03-switching.md#forced"));
    assertEquals(
        new LessonLink.Lesson(Path.of("/work/book/docs/notes.md")), of("../docs/notes.md"));
    assertEquals(new LessonLink.Lesson(chapters.resolve("my lesson.md")), of("my%20lesson.md"));
    assertEquals(
        new LessonLink.Lesson(chapters.resolve("02-x.md")),
        of("file:///work/book/chapters/02-x.md"));
  }

  @Test
  void webAndMailAddressesAreExternal() {
    assertEquals(
        new LessonLink.External("https://peps.python.org/pep-0683/"),
        of("https://peps.python.org/pep-0683/"));
    assertEquals(new LessonLink.External("http://example.com"), of("http://example.com"));
    assertEquals(new LessonLink.External("mailto:a@b.c"), of("mailto:a@b.c"));
  }

  @Test
  void anythingElseIsIgnored() {
    assertEquals(new LessonLink.Ignored("ftp://x/y.md"), of("ftp://x/y.md"));
    assertEquals(new LessonLink.Ignored("images/x.png"), of("images/x.png"));
    assertEquals(new LessonLink.Ignored("javascript:alert(1)"), of("javascript:alert(1)"));
    assertEquals(new LessonLink.Ignored("bad path%"), of("bad path%"));
    assertEquals(new LessonLink.Ignored(""), of(""));
  }
}

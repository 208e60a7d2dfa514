package gilbook.app.gui.lesson;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lesson renderer: markdown in, one self-contained page out. */
class LessonRendererTests {
  private final LessonRenderer renderer = new LessonRenderer();
  @TempDir Path dir;

  private RenderedLesson render(String markdown) {
    return renderer.render(markdown, dir, LessonTheme.LIGHT, 1.0);
  }

  /** The lesson body only, without the inlined stylesheets and script. */
  private static String body(RenderedLesson lesson) {
    String html = lesson.html();
    return html.substring(html.indexOf("<main"), html.indexOf("</main>"));
  }

  @Nested
  class Markdown {

    @Test
    void aGfmTableBecomesATableWithHeaderCells() {
      String body =
          body(render("| CPython | Simulation |\n|---|---|\n| `Py_INCREF` | `incref` |\n"));
      assertTrue(body.contains("<table>"), body);
      assertTrue(body.contains("<th>CPython</th>"), body);
      assertTrue(body.contains("<td><code>Py_INCREF</code></td>"), body);
    }

    @Test
    void headingsGetIdsSoAnchorLinksWork() {
      String body =
          body(render("# Title\n\n## Reference counting\n\n### New and borrowed references\n"));
      assertTrue(body.contains("<h2 id=\"reference-counting\">"), body);
      assertTrue(body.contains("<h3 id=\"new-and-borrowed-references\">"), body);
    }

    @Test
    void theTitleIsTheFirstLevelOneHeading() {
      assertEquals(
          "The GIL and ob_refcnt",
          render("Intro\n\n## Not this\n\n# The *GIL* and `ob_refcnt`\n\n# Nor this\n").title());
    }

    @Test
    void aLessonWithoutLevelOneHeadingIsCalledLesson() {
      assertEquals("Lesson", render("## only a section\n").title());
    }
  }

  @Nested
  class Code {

    @Test
    void aJavaBlockIsMarkedForHighlightingAndHighlightJsIsInlined() throws IOException {
      RenderedLesson lesson = render("```java\nint x = 1;\n```\n");
      assertTrue(
          body(lesson).contains("<pre><code class=\"language-java\">int x = 1;\n</code></pre>"),
          body(lesson));
      String bundled;
      try (InputStream in =
          LessonRenderer.class.getResourceAsStream("highlight/highlight.min.js")) {
        bundled = new String(in.readAllBytes(), UTF_8);
      }
      assertTrue(lesson.html().contains("<script>" + bundled + "</script>"));
      assertTrue(lesson.html().contains("hljs.highlightElement(block)"));
      assertFalse(lesson.html().contains("<script src"), "nothing is fetched");
      assertFalse(lesson.html().contains("<link"), "nothing is fetched");
    }

    @Test
    void theBundledHighlightJsReachesTheClassPathUnchanged() throws IOException {
      // The app module filters its resources; highlight.min.js contains ${...} of its own.
      Path source = Path.of("src/main/resources/gilbook/app/gui/lesson/highlight/highlight.min.js");
      Assumptions.assumeTrue(Files.isRegularFile(source), "runs from the app module folder");
      try (InputStream in =
          LessonRenderer.class.getResourceAsStream("highlight/highlight.min.js")) {
        assertArrayEquals(Files.readAllBytes(source), in.readAllBytes());
      }
    }

    @Test
    void aBlockWithoutALanguageIsPlainTextNotAGuess() {
      assertTrue(body(render("```\nplain\n```\n")).contains("<code class=\"language-plaintext\">"));
      assertTrue(body(render("    indented\n")).contains("<code class=\"language-plaintext\">"));
    }

    @Test
    void anUnclosedFenceStillRendersWithANoticeAtTheTop() {
      RenderedLesson lesson = render("# T\n\ntext\n\n```java\nint x;\n\n## swallowed\n");
      assertEquals(1, lesson.notices().size(), lesson.notices().toString());
      assertTrue(lesson.notices().get(0).contains("opens at line 5 is never closed"));
      String body = body(lesson);
      assertTrue(body.indexOf("class=\"lesson-notice\"") < body.indexOf("<h1"), body);
      assertTrue(body.contains("## swallowed"), "the rest shows as code");
    }
  }

  @Nested
  class RawHtml {

    @Test
    void isEscapedAndShowsAsText() {
      String body = body(render("<script>alert(1)</script>\n\nA <b>bold</b> claim about Py<T>.\n"));
      assertFalse(body.contains("<script>"), body);
      assertTrue(body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), body);
      assertTrue(body.contains("A &lt;b&gt;bold&lt;/b&gt; claim about Py&lt;T&gt;."), body);
    }

    @Test
    void javascriptLinksAreDefused() {
      String body = body(render("[click](javascript:alert(1)) and [ok](02-next.md)\n"));
      assertFalse(body.contains("javascript:"), body);
      assertTrue(body.contains("href=\"02-next.md\""), body);
    }
  }

  @Nested
  class Images {

    @Test
    void aRelativeImageResolvesToAFileUrlInTheLessonFolder() throws IOException {
      Path image = Files.createDirectories(dir.resolve("images")).resolve("gil.png");
      Files.write(image, new byte[] {1});
      RenderedLesson lesson = render("![The GIL](images/gil.png)\n");
      assertEquals(List.of(), lesson.notices());
      assertTrue(
          body(lesson).contains("<img src=\"" + image.toUri() + "\" alt=\"The GIL\" />"),
          body(lesson));
    }

    @Test
    void aMissingImageBecomesANoticeBoxAndANotice() {
      RenderedLesson lesson = render("Look:\n\n![A diagram](images/x.png)\n");
      assertEquals(List.of("image not found: images/x.png"), lesson.notices());
      assertTrue(
          body(lesson)
              .contains(
                  "<span class=\"lesson-notice\" role=\"note\">image not found: images/x.png</span>"),
          body(lesson));
      assertFalse(body(lesson).contains("<img"));
    }

    @Test
    void aRemoteImageIsNotFetched() {
      RenderedLesson lesson = render("![x](https://example.com/x.png)\n");
      assertEquals(
          List.of("remote image not loaded (lessons render offline): https://example.com/x.png"),
          lesson.notices());
      assertFalse(lesson.html().contains("<img"));
    }
  }

  @Nested
  class BrokenFiles {

    @Test
    void anUnreadableFileStillGivesAPageThatSaysWhy() {
      Path missing = dir.resolve("99-nowhere.md");
      RenderedLesson lesson = renderer.render(missing, LessonTheme.LIGHT, 1.0);
      assertEquals(List.of("lesson file not found: " + missing), lesson.notices());
      assertEquals("99-nowhere.md", lesson.title());
      assertTrue(body(lesson).contains("lesson file not found"));
    }

    @Test
    void invalidUtf8IsShownWithReplacementCharactersAndANotice() throws IOException {
      Path file = dir.resolve("bad.md");
      byte[] bytes = "# Caf\u00e9\n\nok ".getBytes(UTF_8);
      byte[] withBadByte = Arrays.copyOf(bytes, bytes.length + 1);
      withBadByte[bytes.length] = (byte) 0xE9; // Latin-1 'é'
      Files.write(file, withBadByte);
      RenderedLesson lesson = renderer.render(file, LessonTheme.LIGHT, 1.0);
      assertEquals("Caf\u00e9", lesson.title());
      assertEquals(1, lesson.notices().size());
      assertTrue(
          lesson
              .notices()
              .get(0)
              .startsWith(
                  "this lesson is not valid UTF-8 (first bad byte at offset " + bytes.length + ")"),
          lesson.notices().get(0));
      assertTrue(body(lesson).contains("ok \uFFFD"));
    }
  }

  @Nested
  class Themes {

    @Test
    void darkChangesTheColours() {
      String light = renderer.render("# T\n", dir, LessonTheme.LIGHT, 1.0).html();
      String dark = renderer.render("# T\n", dir, LessonTheme.DARK, 1.0).html();
      assertNotEquals(light, dark);
      assertTrue(light.contains("background: #ffffff"));
      assertTrue(dark.contains("background: #0d1117"));
      assertTrue(dark.contains(".hljs{color:#c9d1d9;background:#0d1117}"), "github-dark");
      assertTrue(dark.contains("color-scheme: dark"));
    }

    @Test
    void zoomScalesTheRootFont() {
      assertTrue(
          renderer
              .render("# T\n", dir, LessonTheme.LIGHT, 1.5)
              .html()
              .contains("font-size: 24.00px;"));
      assertThrows(
          IllegalArgumentException.class,
          () -> renderer.render("# T\n", dir, LessonTheme.LIGHT, 0));
    }
  }

  @Nested
  class Chapter1 {

    @Test
    void rendersWithItsTitleAndNoNotices() {
      RenderedLesson lesson = renderer.render(Chapters.chapter1(), LessonTheme.LIGHT, 1.0);
      assertEquals("Chapter 1: Why the GIL exists", lesson.title());
      assertEquals(List.of(), lesson.notices());
      assertTrue(lesson.html().contains("<h2 id=\"reference-counting\">Reference counting</h2>"));
      assertTrue(lesson.html().contains("<code class=\"language-c\">"));
      assertTrue(lesson.html().contains("<blockquote>"));
    }
  }
}

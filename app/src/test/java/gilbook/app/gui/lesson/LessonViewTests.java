package gilbook.app.gui.lesson;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import netscape.javascript.JSObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The lesson view, headless on Monocle: a real WebView loading real pages. */
@ExtendWith(ApplicationExtension.class)
class LessonViewTests {
  /** The page background of the light and the dark theme. */
  private static final int WHITE = 0xffffff;

  private static final int DARK = 0x0d1117;

  private LessonView view;
  @TempDir Path dir;

  @Start
  void start(Stage stage) {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    view = new LessonView();
    stage.setScene(new Scene(view, 960, 720));
    stage.show();
  }

  private static <T> T fx(Callable<T> action) {
    try {
      return WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
    } catch (InterruptedException | ExecutionException | TimeoutException e) {
      throw new AssertionError("FX action failed", e);
    }
  }

  private Object js(String script) {
    return fx(() -> view.webView().getEngine().executeScript(script));
  }

  /** Shows {@code file} and waits until its page has loaded. */
  private void showAndWait(Path file) {
    int before = fx(view::loadsCompleted);
    fx(
        () -> {
          view.show(file);
          return null;
        });
    awaitLoadAfter(before);
  }

  private void awaitLoadAfter(int before) {
    try {
      WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(view::loadsCompleted) > before);
    } catch (TimeoutException e) {
      throw new AssertionError("the page did not load within 20 s", e);
    }
    WaitForAsyncUtils.waitForFxEvents();
  }

  private Path lesson(String name, String markdown) throws IOException {
    return Files.writeString(dir.resolve(name), markdown, UTF_8);
  }

  @Test
  void chapter1LoadsWithATableAndHighlightedCode() {
    showAndWait(Chapters.chapter1());
    assertEquals("Chapter 1: Why the GIL exists", js("document.querySelector('h1').textContent"));
    assertTrue((Integer) js("document.querySelectorAll('table th').length") > 0);
    assertEquals(
        Boolean.TRUE,
        js("document.querySelector('pre code.language-java').classList.contains('hljs')"));
    assertTrue(
        (Integer) js("document.querySelectorAll('pre code.language-java span.hljs-keyword').length")
            > 0,
        "highlight.js coloured the keywords");
    assertEquals(List.of(), fx(() -> List.copyOf(view.notices())));
    assertEquals("Chapter 1: Why the GIL exists", fx(() -> view.titleProperty().get()));
  }

  @Test
  void clickingALinkToAnotherLessonCallsBackAndStaysOnThePage() throws IOException {
    Path next = lesson("02-next.md", "# Next\n");
    Path first = lesson("01-first.md", "# First\n\nGo to [the next lesson](02-next.md).\n");
    List<Path> opened = new CopyOnWriteArrayList<>();
    fx(
        () -> {
          view.setOnOpenLesson(opened::add);
          return null;
        });
    showAndWait(first);
    int loads = fx(view::loadsCompleted);

    new FxRobot().clickOn(centreOf("a[href='02-next.md']"));
    awaitNonEmpty(opened, "the open-lesson callback was not called");
    assertEquals(List.of(next.toAbsolutePath().normalize()), opened);
    assertEquals(loads, fx(view::loadsCompleted), "the click itself loaded nothing");
    assertEquals("First", js("document.querySelector('h1').textContent"));
    assertEquals(first.toAbsolutePath().normalize(), fx(() -> view.currentLesson()));
  }

  @Test
  void clickingAJShellBlocksRunLinkCallsBackWithTheLessonAndTheBlock() throws IOException {
    Path file =
        lesson(
            "01-blocks.md",
            "# Blocks\n\n```jshell\nint a = 1;\n```\n\n```jshell\nint b = 2;\n```\n");
    List<String> ran = new CopyOnWriteArrayList<>();
    fx(
        () -> {
          view.setOnRunBlock((lesson, block) -> ran.add(lesson + " " + block.number()));
          return null;
        });
    showAndWait(file);
    assertEquals(2, fx(() -> view.blocks().size()));
    int loads = fx(view::loadsCompleted);

    new FxRobot().clickOn(centreOf("a[href='gilbook-run-block:2']"));
    awaitNonEmpty(ran, "the run-block callback was not called");
    assertEquals(List.of(file.toAbsolutePath().normalize() + " 2"), ran);
    assertEquals(loads, fx(view::loadsCompleted), "the click itself loaded nothing");
  }

  @Test
  void clickingAnExternalLinkCallsBackAndDoesNotNavigate() throws IOException {
    List<String> opened = new CopyOnWriteArrayList<>();
    fx(
        () -> {
          view.setOnExternalLink(opened::add);
          return null;
        });
    showAndWait(lesson("01-first.md", "# First\n\nSee [the docs](https://docs.python.org/3/).\n"));
    int loads = fx(view::loadsCompleted);

    new FxRobot().clickOn(centreOf("a"));
    awaitNonEmpty(opened, "the external-link callback was not called");
    assertEquals(List.of("https://docs.python.org/3/"), opened);
    assertEquals(loads, fx(view::loadsCompleted), "the click itself loaded nothing");
    assertEquals("", fx(() -> view.webView().getEngine().getLocation()));
    assertEquals("First", js("document.querySelector('h1').textContent"));
  }

  @Test
  void clickingAnAnchorLinkScrollsWithinThePage() throws IOException {
    String filler = "Filler paragraph.\n\n".repeat(80);
    showAndWait(
        lesson("01-first.md", "# First\n\n[Jump](#far-below)\n\n" + filler + "## Far below\n"));
    assertEquals(0, ((Number) js("window.scrollY")).intValue());
    int loads = fx(view::loadsCompleted);

    new FxRobot().clickOn(centreOf("a[href='#far-below']"));
    try {
      WaitForAsyncUtils.waitFor(
          5, TimeUnit.SECONDS, () -> ((Number) js("window.scrollY")).intValue() > 0);
    } catch (TimeoutException e) {
      throw new AssertionError("the page did not scroll to #far-below", e);
    }
    assertEquals("", fx(() -> view.webView().getEngine().getLocation()));
    assertEquals(loads, fx(view::loadsCompleted), "the click loaded nothing");
  }

  @Test
  void aScriptThatNavigatesAwayIsUndoneAndTreatedAsALink() throws IOException {
    Path next = lesson("02-next.md", "# Next\n");
    Path first = lesson("01-first.md", "# First\n");
    List<Path> opened = new CopyOnWriteArrayList<>();
    fx(
        () -> {
          view.setOnOpenLesson(opened::add);
          return null;
        });
    showAndWait(first);

    int before = fx(view::loadsCompleted);
    js("window.location.href = '" + next.toUri() + "'");
    awaitNonEmpty(opened, "the safety net did not route the navigation");
    awaitLoadAfter(before);
    try {
      WaitForAsyncUtils.waitFor(
          5,
          TimeUnit.SECONDS,
          () -> "First".equals(js("document.querySelector('h1').textContent")));
    } catch (TimeoutException e) {
      throw new AssertionError("the lesson was not put back", e);
    }
    assertEquals(List.of(next.toAbsolutePath().normalize()), opened);
  }

  @Test
  void switchingToDarkReRendersAndKeepsTheScrollPosition() {
    showAndWait(Chapters.chapter1());
    assertEquals("rgb(255, 255, 255)", js("getComputedStyle(document.body).backgroundColor"));
    js("document.getElementById('the-c-api-rule').scrollIntoView()");
    int scrolled = ((Number) js("window.scrollY")).intValue();
    assertTrue(scrolled > 0);

    int before = fx(view::loadsCompleted);
    fx(
        () -> {
          view.themeProperty().set(true);
          return null;
        });
    awaitLoadAfter(before);
    assertEquals("rgb(13, 17, 23)", js("getComputedStyle(document.body).backgroundColor"));
    assertEquals("theme-dark", js("document.documentElement.className"));
    assertEquals(scrolled, ((Number) js("window.scrollY")).intValue(), 2);
  }

  @Test
  void aLessonWithProblemsShowsTheNoticeBar() throws IOException {
    showAndWait(lesson("01-first.md", "# First\n\n![diagram](images/x.png)\n"));
    assertEquals(List.of("image not found: images/x.png"), fx(() -> List.copyOf(view.notices())));
    assertTrue(fx(() -> view.lookup(".lesson-notices").isVisible()));
    assertEquals(
        "image not found: images/x.png",
        js("document.querySelector('.lesson-notice').textContent"));
    shoot("lesson-notices", WHITE);

    showAndWait(Chapters.chapter1());
    assertEquals(List.of(), fx(() -> List.copyOf(view.notices())));
    assertFalse(fx(() -> view.lookup(".lesson-notices").isVisible()));
  }

  @Test
  void zoomScalesThePageWithoutReloading() {
    showAndWait(Chapters.chapter1());
    int loads = fx(view::loadsCompleted);
    fx(
        () -> {
          view.zoomProperty().set(1.5);
          return null;
        });
    assertEquals(1.5, fx(() -> view.webView().getZoom()), 1e-9);
    fx(
        () -> {
          view.zoomProperty().set(100);
          return null;
        });
    assertEquals(5.0, fx(() -> view.webView().getZoom()), 1e-9);
    assertEquals(loads, fx(view::loadsCompleted));
  }

  @Test
  void aLocalImageLoadsFromTheLessonFolder() throws IOException {
    BufferedImage pixel = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
    Path images = Files.createDirectories(dir.resolve("images"));
    ImageIO.write(pixel, "png", images.resolve("gil.png").toFile());
    showAndWait(lesson("01-first.md", "# First\n\n![The GIL](images/gil.png)\n"));
    try {
      WaitForAsyncUtils.waitFor(
          5,
          TimeUnit.SECONDS,
          () -> ((Number) js("document.querySelector('img').naturalWidth")).intValue() == 40);
    } catch (TimeoutException e) {
      throw new AssertionError(
          "the image did not load from " + js("document.querySelector('img').src"), e);
    }
    assertEquals(List.of(), fx(() -> List.copyOf(view.notices())));
  }

  private static void awaitNonEmpty(List<?> list, String failure) {
    try {
      WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !list.isEmpty());
    } catch (TimeoutException e) {
      throw new AssertionError(failure, e);
    }
  }

  /** The centre of the element {@code selector} picks, in screen coordinates. */
  private Point2D centreOf(String selector) {
    JSObject rect =
        (JSObject) js("document.querySelector(\"" + selector + "\").getBoundingClientRect()");
    double x =
        fx(
            () ->
                ((Number) rect.getMember("left")).doubleValue()
                    + ((Number) rect.getMember("width")).doubleValue() / 2);
    double y =
        fx(
            () ->
                ((Number) rect.getMember("top")).doubleValue()
                    + ((Number) rect.getMember("height")).doubleValue() / 2);
    return fx(() -> view.webView().localToScreen(x, y));
  }

  /** Writes screenshots of chapter 1 to target/screenshots, for people to look at. */
  @Test
  void chapter1LooksRightInBothThemes() throws IOException {
    showAndWait(Chapters.chapter1());
    shoot("lesson-light-top", WHITE);
    js("document.getElementById('new-and-borrowed-references').scrollIntoView()");
    shoot("lesson-light-table", WHITE);
    js("document.getElementById('the-c-api-rule').scrollIntoView()");
    shoot("lesson-light-code", WHITE);
    int before = fx(view::loadsCompleted);
    fx(
        () -> {
          view.themeProperty().set(true);
          return null;
        });
    awaitLoadAfter(before);
    shoot("lesson-dark-code", DARK);
    js("document.getElementById('new-and-borrowed-references').scrollIntoView()");
    shoot("lesson-dark-table", DARK);
  }

  /**
   * Writes a screenshot of the view to target/screenshots once the page's top-left corner shows
   * {@code background}, and fails if it never does. WebKit paints a page after its load has
   * completed, and again after a scroll or a theme switch, on its own schedule; so the test waits
   * for the picture it expects instead of sleeping and hoping the paint has happened.
   */
  private BufferedImage shoot(String name, int background) throws IOException {
    // The page's corner, below the notice bar when one is shown.
    int x = 4;
    int y = (int) Math.ceil(fx(() -> view.webView().getBoundsInParent().getMinY())) + 4;
    AtomicReference<BufferedImage> shot = new AtomicReference<>();
    try {
      WaitForAsyncUtils.waitFor(
          20,
          TimeUnit.SECONDS,
          () -> {
            BufferedImage now = fx(() -> toBufferedImage(view.snapshot(null, null)));
            shot.set(now);
            return (now.getRGB(x, y) & 0xffffff) == background;
          });
    } catch (TimeoutException e) {
      int seen = shot.get() == null ? -1 : shot.get().getRGB(x, y) & 0xffffff;
      throw new AssertionError(
          String.format(
              "%s: the page's corner (%d, %d) stayed #%06x; expected #%06x",
              name, x, y, seen, background),
          e);
    }
    Path png = Path.of("target", "screenshots", name + ".png");
    Files.createDirectories(png.getParent());
    ImageIO.write(shot.get(), "png", png.toFile());
    return shot.get();
  }

  private static BufferedImage toBufferedImage(WritableImage image) {
    return gilbook.app.gui.Png.toBufferedImage(image);
  }
}

package gilbook.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import gilbook.app.TempWorkbook;
import gilbook.app.engine.Workbook;
import gilbook.app.gui.window.StagePlacement;
import gilbook.app.gui.window.WindowBounds;
import gilbook.app.gui.window.WindowBoundsStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TreeCell;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window as a learner meets it on a small screen (the UI tests run on a 1280×720 Monocle
 * screen, see app/pom.xml): all of it on screen, titles whole, toggles that undo exactly, hints in
 * sight, a place remembered between starts, and a JShell input whose keys stay in JShell.
 */
@ExtendWith(ApplicationExtension.class)
class DeskTests {
  private static final long FX_SECONDS = 120;

  @TempDir static Path dir;

  private MainWindow window;
  private Stage stage;
  private StagePlacement placement;
  private WindowBoundsStore store;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    TempWorkbook copy = TempWorkbook.copyInto(dir.resolve("wb-" + System.nanoTime()));
    window = new MainWindow(Workbook.open(copy.root()));
    Scene scene = new Scene(window);
    scene.getStylesheets().add(GilbookApp.class.getResource("app.css").toExternalForm());
    window.installShortcuts(scene);
    stage.setScene(scene);
    store = new WindowBoundsStore(dir.resolve("cfg-" + System.nanoTime() + "/window.properties"));
    placement = StagePlacement.apply(stage, store);
    stage.show();
    window.openStart();
  }

  @AfterEach
  void tearDown() throws Exception {
    WaitForAsyncUtils.asyncFx(window::shutdown).get(FX_SECONDS, TimeUnit.SECONDS);
  }

  private static void waitFor(String what, Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(FX_SECONDS, TimeUnit.SECONDS, condition);
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(condition.call(), what);
  }

  private static Bounds onScreen(Node n) {
    return n.localToScreen(n.getBoundsInLocal());
  }

  private static boolean inside(Bounds b, Rectangle2D area) {
    return b.getMinX() >= area.getMinX()
        && b.getMinY() >= area.getMinY()
        && b.getMaxX() <= area.getMaxX()
        && b.getMaxY() <= area.getMaxY();
  }

  @Test
  void theWholeWindowIsOnASmallScreenToolbarIncluded() throws Exception {
    waitFor("the first exercise", () -> window.exercise() != null);
    Rectangle2D screen = Screen.getPrimary().getVisualBounds();
    assertEquals(1280, screen.getWidth(), "the UI tests' screen (app/pom.xml)");
    assertEquals(720, screen.getHeight(), "the UI tests' screen (app/pom.xml)");
    WindowBounds b =
        new WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false);
    assertTrue(b.within(screen), b + " on " + screen);
    for (String id : List.of("#run", "#check", "#stop", "#hint", "#solution", "#reset")) {
      Node button = window.lookup(id);
      assertNotNull(button, id);
      assertTrue(button.isVisible(), id);
      assertTrue(inside(onScreen(button), screen), id + " at " + onScreen(button));
    }
    assertTrue(inside(onScreen(window), screen), "the window's content " + onScreen(window));
  }

  @Test
  void chapterAndExerciseTitlesShowWhole() throws Exception {
    waitFor("the first exercise", () -> window.exercise() != null);
    List<String> cut = new ArrayList<>();
    Bounds tree = onScreen(window.chapters().treeView());
    int rows = 0;
    for (Node n : window.chapters().lookupAll(".tree-cell")) {
      TreeCell<?> cell = (TreeCell<?>) n;
      if (cell.getItem() == null || cell.getText() == null) {
        continue;
      }
      rows++;
      Text drawn = (Text) cell.lookup(".text");
      if (!drawn.getText().equals(cell.getText())) {
        cut.add(cell.getText() + " drawn as " + drawn.getText());
      } else if (onScreen(drawn).getMaxX() > tree.getMaxX()) {
        cut.add(cell.getText() + " cut at the tree's edge");
      }
      assertNotNull(cell.getTooltip(), cell.getText());
    }
    assertTrue(rows > 3, "rows drawn: " + rows);
    assertEquals(List.of(), cut);
  }

  /** The font size of every label, button and tab, in scene order: what presenter mode scales. */
  private List<String> fontSizes() {
    List<String> sizes = new ArrayList<>();
    for (Node n : window.lookupAll(".labeled")) {
      if (n instanceof Labeled l && l.isVisible()) {
        sizes.add(l.getClass().getSimpleName() + " " + l.getText() + " " + l.getFont().getSize());
      }
    }
    return sizes;
  }

  @Test
  void presenterModeAndTheThemeAreExactlyUndoneByTogglingThemBack(FxRobot robot) throws Exception {
    waitFor("the first exercise", () -> window.exercise() != null);
    List<String> before = fontSizes();
    double runFont = ((Labeled) window.lookup("#run")).getFont().getSize();
    double toolbarHeight = window.lookup(".tool-bar").getLayoutBounds().getHeight();

    robot.clickOn("#presenter");
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(runFont * 1.5, ((Labeled) window.lookup("#run")).getFont().getSize(), 0.01);
    robot.clickOn("#dark");
    WaitForAsyncUtils.waitForFxEvents();
    robot.clickOn("#presenter");
    WaitForAsyncUtils.waitForFxEvents();
    robot.clickOn("#dark");
    WaitForAsyncUtils.waitForFxEvents();

    assertFalse(window.model().presenterProperty().get());
    assertFalse(window.model().darkProperty().get());
    assertEquals(before, fontSizes());
    assertEquals(toolbarHeight, window.lookup(".tool-bar").getLayoutBounds().getHeight(), 0.001);
  }

  @Test
  void presenterModeKeepsTheLearnersOwnZoom() throws Exception {
    waitFor("the first exercise", () -> window.exercise() != null);
    WaitForAsyncUtils.asyncFx(
            () -> {
              window.model().zoomIn();
              window.model().zoomIn();
              window.model().presenterProperty().set(true);
              window.model().presenterProperty().set(false);
            })
        .get(FX_SECONDS, TimeUnit.SECONDS);
    assertEquals(1.2, window.zoomProperty().get(), 1e-9);
  }

  @Test
  void aHintShowsAtTheTopOfTheChecksTab(FxRobot robot) throws Exception {
    waitFor("the first exercise", () -> window.exercise() != null);
    robot.clickOn("#hint");
    WaitForAsyncUtils.waitForFxEvents();
    robot.clickOn("#hint");
    WaitForAsyncUtils.waitForFxEvents();
    var newest = window.checks().newestHint();
    assertNotNull(newest);
    assertTrue(newest.getText().startsWith("Hint 2/"), newest.getText());
    assertTrue(newest.isVisible());
    Bounds hint = onScreen(newest);
    Bounds viewport = onScreen(window.checks());
    assertTrue(
        hint.getMinY() >= viewport.getMinY() && hint.getMinY() < viewport.getMaxY(),
        "the newest hint at " + hint + " is in sight in " + viewport);
    assertEquals(2, window.checks().hintTexts().size());
    assertTrue(window.checks().hintTexts().get(0).startsWith("Hint 1/"));
  }

  @Test
  void theWindowsPlaceIsRememberedBetweenStarts() throws Exception {
    waitFor("the first exercise", () -> window.exercise() != null);
    WaitForAsyncUtils.asyncFx(
            () -> {
              stage.setX(40);
              stage.setY(30);
              stage.setWidth(1000);
              stage.setHeight(620);
              placement.save();
            })
        .get(FX_SECONDS, TimeUnit.SECONDS);
    assertEquals(new WindowBounds(40, 30, 1000, 620, false), store.load().orElseThrow());
    WindowBounds reopened =
        WaitForAsyncUtils.asyncFx(
                () -> {
                  Stage next = new Stage();
                  StagePlacement.apply(next, store);
                  return new WindowBounds(
                      next.getX(), next.getY(), next.getWidth(), next.getHeight(), false);
                })
            .get(FX_SECONDS, TimeUnit.SECONDS);
    assertEquals(new WindowBounds(40, 30, 1000, 620, false), reopened);
  }

  /** Whether {@code font} draws "iii" as wide as "WWW", as a monospaced font does. */
  private static boolean monospaced(javafx.scene.text.Font font) {
    Text narrow = new Text("iii");
    narrow.setFont(font);
    Text wide = new Text("WWW");
    wide.setFont(font);
    return Math.abs(narrow.getLayoutBounds().getWidth() - wide.getLayoutBounds().getWidth()) < 0.5;
  }

  @Test
  void codeShowsInAMonospacedFont() throws Exception {
    waitFor("the first exercise", () -> window.exercise() != null);
    waitFor("the code drawn", () -> !window.editor().lookupAll(".text").isEmpty());
    List<String> proportional = new ArrayList<>();
    for (Node n : window.editor().lookupAll(".text")) {
      if (n instanceof Text t && !t.getText().isBlank() && !monospaced(t.getFont())) {
        proportional.add(t.getText().strip() + " in " + t.getFont());
      }
    }
    assertEquals(List.of(), proportional.stream().limit(3).toList());
  }

  @Test
  void keysTypedInJShellNeverRunTheExercise(FxRobot robot) throws Exception {
    waitFor("the first exercise", () -> window.exercise() != null);
    WaitForAsyncUtils.asyncFx(() -> window.jshell().start()).get(FX_SECONDS, TimeUnit.SECONDS);
    robot.clickOn("JShell");
    waitFor("jshell", () -> !window.jshell().input().isDisabled());
    robot.clickOn(window.jshell().input());
    robot.press(KeyCode.CONTROL).press(KeyCode.ENTER).release(KeyCode.ENTER);
    robot.press(KeyCode.SHIFT).press(KeyCode.ENTER).release(KeyCode.ENTER);
    robot.release(KeyCode.SHIFT).release(KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertFalse(window.busy(), "a Run or Check started from the JShell input");
    assertEquals("", window.console().getText());
    assertEquals(
        "Press Check (Ctrl+Shift+Enter) to grade your code.", window.checks().summaryText());
  }
}

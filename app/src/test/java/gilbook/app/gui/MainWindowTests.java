package gilbook.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import gilbook.app.TempWorkbook;
import gilbook.app.engine.LessonBlocks;
import gilbook.app.engine.Progress;
import gilbook.app.engine.Workbook;
import gilbook.exercises.manifest.Exercise;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.TreeCell;
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
 * The window's main flows, driven headless (TestFX on Monocle) against a temporary copy of the
 * workbook: open an exercise, edit, run and check it, reveal a hint, reset and undo, see the GIL
 * timeline after a run, and follow progress written by another gilbook process.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowTests {
  // Bounds that only catch a hang: a busy machine may be slow, never wrong.
  private static final long CHECK_SECONDS = 180;

  private static final long FX_SECONDS = 120;
  private static final String REFCOUNT = "refcount-by-hand";

  @TempDir static Path dir;

  private Workbook workbook;
  private MainWindow window;
  private TempWorkbook copy;

  @Start
  void start(Stage stage) {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    copy = TempWorkbook.copyInto(dir.resolve("wb-" + System.nanoTime()));
    workbook = Workbook.open(copy.root());
    window = new MainWindow(workbook);
    Scene scene = new Scene(window, 1280, 720);
    scene.getStylesheets().add(GilbookApp.class.getResource("app.css").toExternalForm());
    window.installShortcuts(scene);
    stage.setScene(scene);
    stage.show();
    window.openStart();
  }

  @AfterEach
  void tearDown() throws Exception {
    WaitForAsyncUtils.asyncFx(window::shutdown).get(FX_SECONDS, TimeUnit.SECONDS);
  }

  private void waitFor(String what, Callable<Boolean> condition) throws Exception {
    try {
      // Read the window's state on the FX thread, where it is changed.
      WaitForAsyncUtils.waitFor(
          CHECK_SECONDS,
          TimeUnit.SECONDS,
          () -> WaitForAsyncUtils.asyncFx(condition).get(FX_SECONDS, TimeUnit.SECONDS));
    } catch (java.util.concurrent.TimeoutException e) {
      String state =
          WaitForAsyncUtils.asyncFx(window::describeState).get(FX_SECONDS, TimeUnit.SECONDS);
      throw new AssertionError(
          "timed out waiting for " + what + "; the window shows:\n" + state, e);
    }
    WaitForAsyncUtils.waitForFxEvents();
  }

  private void type(String text) throws Exception {
    WaitForAsyncUtils.asyncFx(() -> window.editor().setText(text))
        .get(FX_SECONDS, TimeUnit.SECONDS);
  }

  /**
   * Waits for the window's first exercise, then opens refcount-by-hand, whose learner file these
   * tests write: its checks run the learner's code, so a check, a run and a compile error show.
   */
  private void openRefcount() throws Exception {
    waitFor("the first exercise", () -> window.exercise() != null);
    WaitForAsyncUtils.asyncFx(() -> window.selectExercise(workbook.exercise(REFCOUNT)))
        .get(FX_SECONDS, TimeUnit.SECONDS);
    waitFor(REFCOUNT, () -> window.exercise().id().equals(REFCOUNT));
    waitFor("its file", () -> copy.learnerFile().equals(window.editor().file()));
  }

  @Test
  void opensTheFirstExerciseBesideItsLesson() throws Exception {
    waitFor("the first exercise", () -> window.exercise() != null);
    assertEquals(TempWorkbook.FIRST.id(), window.exercise().id());
    assertTrue(window.editor().text().contains("TODO"));
    assertEquals(copy.resolve(TempWorkbook.FIRST.path()), window.editor().file());
  }

  @Test
  void aFailingCheckShowsOneRowPerCheckThenTheSolutionPasses(FxRobot robot) throws Exception {
    openRefcount();
    robot.clickOn("#check");
    waitFor("the check", () -> !window.busy() && !window.checks().rowTitles().isEmpty());
    assertEquals(4, window.checks().rowTitles().size(), window.checks().rowTitles().toString());
    assertTrue(window.checks().rowTitles().stream().allMatch(t -> t.startsWith("✗")));

    type(TempWorkbook.solution());
    robot.clickOn("#check");
    waitFor(
        "the second check", () -> !window.busy() && window.checks().summaryText().startsWith("✓"));
    assertTrue(window.checks().rowTitles().stream().allMatch(t -> t.startsWith("✓")));
    assertTrue(workbook.progress().isDone(REFCOUNT));
    assertEquals(TempWorkbook.solution(), Files.readString(copy.learnerFile()), "autosaved");
  }

  @Test
  void aCompileErrorIsMarkedOnItsLine(FxRobot robot) throws Exception {
    openRefcount();
    type("void listAppend(PyList list, PyObject item) {\n  int x = \n}\n");
    robot.clickOn("#check");
    waitFor("the check", () -> !window.busy() && !window.checks().rowTitles().isEmpty());
    assertTrue(window.checks().rowTitles().get(0).contains("does not compile"));
    assertFalse(window.editor().errorLines().isEmpty());
  }

  @Test
  void runningAnInterpreterStreamsOutputAndDrawsOneLanePerThread(FxRobot robot) throws Exception {
    openRefcount();
    type(
        TempWorkbook.solution()
            + "\nvar interp = Interpreter.builder().clock(Clock.virtual(1)).build();\n"
            + "interp.start(\"A\", () -> Eval.loop(200_000, i -> Eval.instruction()));\n"
            + "interp.start(\"B\", () -> Eval.loop(200_000, i -> Eval.instruction()));\n"
            + "interp.start(\"io\", () -> Work.io(Duration.ofMillis(2)));\n"
            + "interp.awaitThreads();\n"
            + "System.out.println(\"switches: \" + interp.gil().switchNumber());\n");
    robot.clickOn("#run");
    waitFor("the run", () -> !window.busy() && window.console().getText().contains("switches:"));
    waitFor("the timeline", () -> window.timeline().timeline().laneCount() == 3);
    assertTrue(window.console().getText().contains("GIL switches"), window.console().getText());
  }

  @Test
  void runningAnExerciseDrawsItsScenariosTimeline(FxRobot robot) throws Exception {
    openRefcount();
    robot.clickOn("#run");
    waitFor("the run", () -> !window.busy() && window.console().getText().contains("GIL switches"));
    waitFor("the timeline", () -> window.timeline().timeline().laneCount() >= 1);
    assertTrue(
        window.console().getText().contains("GIL summary")
            || window.console().getText().contains("interpreter:"),
        window.console().getText());
  }

  @Test
  void hintsUnlockOneLevelAtATime(FxRobot robot) throws Exception {
    openRefcount();
    robot.clickOn("#hint");
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(1, workbook.progress().hintLevel(REFCOUNT));
    robot.clickOn("#hint");
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(2, workbook.progress().hintLevel(REFCOUNT));
  }

  /** The text of the tree row of exercise {@code id}, as drawn; "" when it is not drawn. */
  private String treeRow(String id) {
    return window.lookupAll(".tree-cell").stream()
        .map(n -> (TreeCell<?>) n)
        .filter(c -> c.getItem() instanceof ChapterTree.Entry e && e.exercise() != null)
        .filter(c -> ((ChapterTree.Entry) c.getItem()).exercise().id().equals(id))
        .map(TreeCell::getText)
        .findFirst()
        .orElse("");
  }

  @Test
  void theTreeAndTheHintsFollowProgressWrittenByAnotherProcess(FxRobot robot) throws Exception {
    openRefcount();
    waitFor("the tree", () -> treeRow(REFCOUNT).startsWith("○"));
    try (Workbook cli = Workbook.open(copy.root())) { // what ./gilbook check and hint do
      Exercise e = cli.exercise(REFCOUNT);
      cli.progress().markDone(REFCOUNT);
      cli.hints(e, null);

      // The window's Hint, right away: its copy may predate the marks above.
      robot.clickOn("#hint");
      WaitForAsyncUtils.waitForFxEvents();
      Progress onDisk = Progress.load(copy.root().resolve(".gilbook/progress.txt"));
      assertTrue(onDisk.isDone(REFCOUNT), "the done mark written outside survives the click");
      assertEquals(2, onDisk.hintLevel(REFCOUNT));
      waitFor("the done mark in the tree", () -> treeRow(REFCOUNT).startsWith("✓"));
      waitFor("two hints", () -> window.checks().hintTexts().size() == 2);

      cli.hints(e, null); // with the window left alone
      waitFor("the third hint", () -> window.checks().hintTexts().size() == 3);
      cli.progress().markPending(REFCOUNT);
      waitFor("the pending mark in the tree", () -> treeRow(REFCOUNT).startsWith("○"));
    }
  }

  @Test
  void resetRestoresTheStubAndUndoBringsTheLearnersVersionBack(FxRobot robot) throws Exception {
    openRefcount();
    String mine = "// my own attempt\n" + TempWorkbook.solution();
    type(mine);
    WaitForAsyncUtils.asyncFx(window::resetNow).get(FX_SECONDS, TimeUnit.SECONDS);
    assertTrue(window.editor().text().contains("TODO"), "the stub is back");
    assertTrue(Files.readString(copy.learnerFile()).contains("TODO"));
    robot.clickOn("#undo-reset");
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(mine, window.editor().text());
    assertEquals(mine, Files.readString(copy.learnerFile()));
  }

  @Test
  void presenterModeAndThemeSwitch(FxRobot robot) throws Exception {
    waitFor("the first exercise", () -> window.exercise() != null);
    robot.clickOn("Presenter");
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(1.5, window.zoomProperty().get(), 1e-9);
    robot.clickOn("Dark");
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(window.darkProperty().get());
    assertTrue(window.getStyleClass().contains("dark"));
  }

  @Test
  void theEditorReloadsWhenTheFileChangesOnDisk() throws Exception {
    openRefcount();
    String outside = "// changed by another editor\n" + TempWorkbook.solution();
    Files.writeString(copy.learnerFile(), outside);
    waitFor("the reload", () -> window.editor().text().equals(outside));
  }

  @Test
  void typingIsSavedWhenTheWindowCloses() throws Exception {
    openRefcount();
    String typed = "// typed just before quitting\n" + TempWorkbook.solution();
    WaitForAsyncUtils.asyncFx(
            () -> {
              window.editor().setText(typed);
              window.shutdown(); // what closing the window does, before the autosave fires
            })
        .get(FX_SECONDS, TimeUnit.SECONDS);
    assertEquals(typed, Files.readString(copy.learnerFile()));
  }

  @Test
  void theJShellConsoleEvaluatesWithTheRuntimePreloaded(FxRobot robot) throws Exception {
    waitFor("the first exercise", () -> window.exercise() != null);
    robot.clickOn("JShell");
    waitFor("jshell", () -> !window.jshell().input().isDisabled());
    WaitForAsyncUtils.asyncFx(
            () -> {
              window.jshell().input().setText("Interpreter.builder().build().switchInterval()");
              window.jshell().input().fireEvent(new javafx.event.ActionEvent());
            })
        .get(FX_SECONDS, TimeUnit.SECONDS);
    waitFor("the value", () -> window.jshell().transcript().contains("==> PT0.005S"));
  }

  @Test
  void aListingInTheLessonRunsAndShowsItsTimeline() throws Exception {
    waitFor("the lesson's listing", () -> !window.lesson().listings().isEmpty());
    WaitForAsyncUtils.asyncFx(() -> window.runListing(window.lesson().listings().get(0)))
        .get(FX_SECONDS, TimeUnit.SECONDS);
    waitFor("the listing", () -> !window.busy() && window.console().getText().contains("counter"));
    assertTrue(window.console().getText().contains("counter=40000"), window.console().getText());
    waitFor("the timeline", () -> window.timeline().timeline().laneCount() == 3);
  }

  @Test
  void aJShellBlockInALessonRunsIntoTheConsoleAndTheTimeline() throws Exception {
    Path lesson = copy.resolve("chapters/99-blocks.md");
    Files.writeString(
        lesson,
        "# Blocks\n\n```jshell\n"
            + "try (Interpreter interp = Interpreter.builder().clock(Clock.virtual(7)).build()) {\n"
            + "  interp.start(\"a\", () -> Eval.loop(2000, i -> Eval.instruction()));\n"
            + "  interp.start(\"b\", () -> Eval.loop(2000, i -> Eval.instruction()));\n"
            + "  interp.awaitThreads();\n"
            + "}\n"
            + "System.out.println(\"hello from block 1\");\n"
            + "```\n");
    LessonBlocks.Block block = LessonBlocks.read(lesson).get(0);
    WaitForAsyncUtils.asyncFx(() -> window.runBlock(lesson, block))
        .get(FX_SECONDS, TimeUnit.SECONDS);
    waitFor(
        "the block", () -> !window.busy() && window.console().getText().contains("GIL summary"));
    String text = window.console().getText();
    assertTrue(text.contains("▶ running block 1 of chapters/99-blocks.md"), text);
    assertTrue(text.contains("hello from block 1"), text);
    waitFor("the timeline", () -> window.timeline().timeline().laneCount() >= 2);
  }
}

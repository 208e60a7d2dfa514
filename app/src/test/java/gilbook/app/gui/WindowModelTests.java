package gilbook.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gilbook.app.TempWorkbook;
import gilbook.app.engine.LessonBlocks;
import gilbook.app.engine.RunVerdictText;
import gilbook.app.engine.Workbook;
import gilbook.exercises.manifest.Exercise;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window's model on its own, without a window: its state follows its actions. It runs its UI
 * work in place, so no JavaFX toolkit is needed.
 */
class WindowModelTests {
  @TempDir Path dir;

  private TempWorkbook copy;
  private Workbook workbook;
  private WindowModel model;
  private Exercise first;

  @BeforeEach
  void open() {
    copy = TempWorkbook.copyInto(dir.resolve("wb"));
    workbook = Workbook.open(copy.root());
    model = new WindowModel(workbook, Runnable::run);
    first = workbook.manifest().exercises().get(0);
  }

  @AfterEach
  void close() {
    model.close();
    workbook.close();
  }

  @Test
  void aLessonsJShellBlockRunsAndItsTraceBecomesTheTimelines() throws Exception {
    Path lesson = dir.resolve("lesson.md");
    Files.writeString(
        lesson,
        "```jshell\n"
            + "try (Interpreter interp = Interpreter.builder().clock(Clock.virtual(1)).build()) {\n"
            + "  interp.start(\"spinner\", () -> Eval.loop(1000, i -> Eval.instruction()));\n"
            + "  interp.awaitThreads();\n"
            + "}\n"
            + "System.out.println(\"from the block\");\n"
            + "```\n");
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    WindowModel.RunEnd end =
        model
            .runBlock(lesson, LessonBlocks.read(lesson).get(0), console)
            .orElseThrow()
            .toCompletableFuture()
            .get(120, TimeUnit.SECONDS);
    assertFalse(end.stopped());
    assertTrue(RunVerdictText.ranCleanly(end.outcome()), end.toString());
    assertTrue(console.toString(StandardCharsets.UTF_8).contains("from the block"));
    assertTrue(model.traceProperty().get() != null, "the block's trace is the model's");
    assertFalse(model.busyProperty().get());
  }

  @Test
  void openingAnExerciseMakesItTheCurrentOneInTheProgressToo() {
    Exercise second = workbook.manifest().exercises().get(1);
    model.open(second);
    assertEquals(second, model.exercise());
    try (Workbook again = Workbook.open(copy.root())) {
      assertEquals(second.id(), again.current().id());
    }
  }

  @Test
  void hintsUnlockOneAtATimeAndBumpTheProgressRevision() {
    model.open(first);
    assertEquals(0, model.hintsProperty().get().size());
    int revision = model.progressRevisionProperty().get();
    model.hint();
    model.hint();
    assertEquals(first.hints().subList(0, 2), model.hintsProperty().get());
    assertTrue(model.progressRevisionProperty().get() > revision);
  }

  @Test
  void resetKeepsABackupThatUndoPutsBack() throws Exception {
    model.open(first);
    Path file = workbook.file(first);
    Files.writeString(file, "// mine\n");
    assertTrue(model.reset());
    Path backup = model.backupProperty().get();
    assertTrue(Files.readString(file).contains("TODO"), "the stub is back");
    assertEquals("// mine\n", Files.readString(backup));
    assertTrue(model.undoReset());
    assertEquals("// mine\n", Files.readString(file));
    assertNull(model.backupProperty().get(), "Undo is offered once");
    assertFalse(model.undoReset());
  }

  @Test
  void openingAnotherExerciseForgetsTheBackup() throws Exception {
    model.open(first);
    Files.writeString(workbook.file(first), "// mine\n");
    model.reset();
    model.open(workbook.manifest().exercises().get(1));
    assertNull(model.backupProperty().get());
  }

  @Test
  void presenterModeScalesTheLearnersZoomAndGivesItBack() {
    for (int i = 0; i < 7; i++) {
      model.zoomIn();
    }
    for (int i = 0; i < 7; i++) {
      model.zoomOut();
    }
    assertEquals(1.0, model.zoomProperty().get(), 0.0, "seven steps in and out land at 1");
    model.zoomIn();
    model.presenterProperty().set(true);
    assertEquals(1.1 * WindowModel.PRESENTER_SCALE, model.zoomProperty().get(), 1e-12);
    model.presenterProperty().set(false);
    assertEquals(1.1, model.zoomProperty().get(), 0.0);
  }

  @Test
  void zoomStaysWithinItsBounds() {
    for (int i = 0; i < 40; i++) {
      model.zoomIn();
    }
    assertEquals(WindowModel.MAX_ZOOM, model.userZoom(), 0.0);
    for (int i = 0; i < 40; i++) {
      model.zoomOut();
    }
    assertEquals(WindowModel.MIN_ZOOM, model.userZoom(), 0.0);
  }

  @Test
  void actionsWithoutAnOpenExerciseDoNothing() {
    assertTrue(model.run(System.out).isEmpty());
    assertTrue(model.check().isEmpty());
    assertFalse(model.reset());
    model.hint();
    assertFalse(model.busyProperty().get());
  }
}

package gilbook.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import gilbook.app.TempWorkbook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Solution dialog as a learner sees it over the window: the shipped refcount-by-hand stub
 * beside its solution, in an owner window of 1000 by 600 (smaller than the smallest screen the UI
 * tests run on: Monocle cannot paint a window larger than its screen).
 */
@ExtendWith(ApplicationExtension.class)
class SolutionDialogTests {
  private static final long FX_SECONDS = 120;
  private static final Path STUB =
      TempWorkbook.REAL_ROOT.resolve(
          "exercises/src/main/resources/stubs/01-why-the-gil/refcount_by_hand.jsh.stub");

  private Stage owner;
  private SolutionDialog dialog;

  @Start
  void start(Stage stage) {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    owner = stage;
    stage.setScene(new Scene(new StackPane(), 1000, 600));
    stage.show();
  }

  @AfterEach
  void close() throws Exception {
    fx(
        () -> {
          if (dialog != null) {
            dialog.close();
          }
          return null;
        });
  }

  private void open(List<String> mine) throws Exception {
    List<String> solution = TempWorkbook.solution().lines().toList();
    fx(
        () -> {
          dialog = new SolutionDialog("refcount-by-hand", mine, solution);
          dialog.initOwner(owner);
          dialog.show();
          return null;
        });
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void opensAtNinetyPercentOfItsOwnerAndCanBeResized() throws Exception {
    open(Files.readAllLines(STUB));
    double width = fx(() -> dialog.getWidth());
    double height = fx(() -> dialog.getHeight());
    double ownerWidth = fx(() -> owner.getWidth());
    double ownerHeight = fx(() -> owner.getHeight());
    assertTrue(width > 0.85 * ownerWidth && width < 0.95 * ownerWidth, "width " + width);
    assertTrue(height > 0.85 * ownerHeight && height < 0.95 * ownerHeight, "height " + height);
    assertTrue(fx(() -> dialog.isResizable()));
  }

  @Test
  void showsOnlyTheCodeWithLineNumbersAndTheChangesHighlighted() throws Exception {
    open(Files.readAllLines(STUB));
    List<Label> lines = fx(() -> labels(".diff-line"));
    assertFalse(lines.stream().anyMatch(l -> l.getText().contains("Chapter 1")), "no header");
    Label todo = find(lines, "    item.decref(); // TODO: is this right?");
    assertTrue(todo.getStyleClass().contains("diff-removed"), todo.getStyleClass()::toString);
    Label incref = find(lines, "    item.incref();");
    assertTrue(incref.getStyleClass().contains("diff-added"), incref.getStyleClass()::toString);
    Label same = find(lines, "void listAppend(PyList list, PyObject item) {");
    assertFalse(same.getStyleClass().contains("diff-removed"), same.getStyleClass()::toString);
    List<String> numbers = fx(() -> labels(".diff-number")).stream().map(Label::getText).toList();
    assertTrue(numbers.contains("33"), "the stub's line 33: " + numbers);
    assertTrue(numbers.contains("11"), "the solution's line 11: " + numbers);
    String about = fx(() -> ((Label) dialog.getDialogPane().lookup(".diff-about")).getText());
    assertTrue(about.contains("(your file: lines 1–25; the solution: lines 1–7)"), about);
  }

  @Test
  void linesAreMonospacedSingleSpacedAndNeverCut() throws Exception {
    String longLine = "    // " + "a long comment that goes on and on, ".repeat(8) + "the end";
    List<String> mine = new ArrayList<>(Files.readAllLines(STUB));
    mine.add(longLine);
    open(mine);
    List<Label> lines = fx(() -> labels(".diff-line"));
    for (Label line : lines) {
      String shown = fx(() -> ((Text) line.lookup(".text")).getText());
      assertEquals(line.getText(), shown, "cut or ellipsised");
      assertTrue(line.getFont().getFamily().contains("Mono"), line.getFont()::toString);
      double height = line.getHeight();
      double fontSize = line.getFont().getSize();
      assertTrue(
          height < fontSize * 1.8, "a row of " + height + " px for a " + fontSize + " px font");
    }
    assertEquals(1, lines.stream().mapToDouble(Label::getHeight).distinct().count(), "one height");
    find(lines, longLine);
    DiffSide mineSide = fx(() -> (DiffSide) dialog.getDialogPane().lookup(".diff-side"));
    double content = fx(() -> mineSide.getContent().getLayoutBounds().getWidth());
    double viewport = fx(() -> mineSide.getViewportBounds().getWidth());
    assertTrue(content > viewport, "scrolls sideways: " + content + " in " + viewport);
  }

  @Test
  void theTwoSidesScrollTogether() throws Exception {
    List<String> mine = new ArrayList<>(Files.readAllLines(STUB));
    for (int i = 0; i < 200; i++) {
      mine.add("int extra" + i + " = " + i + ";");
    }
    open(mine);
    List<DiffSide> sides =
        fx(
            () ->
                dialog.getDialogPane().lookupAll(".diff-side").stream()
                    .map(DiffSide.class::cast)
                    .toList());
    assertEquals(2, sides.size());
    fx(
        () -> {
          sides.get(0).setVvalue(0.5);
          return null;
        });
    assertEquals(0.5, fx(() -> sides.get(1).getVvalue()), 1e-9);
  }

  private List<Label> labels(String selector) {
    List<Label> out = new ArrayList<>();
    for (Node n : dialog.getDialogPane().lookupAll(selector)) {
      out.add((Label) n);
    }
    return out;
  }

  private static Label find(List<Label> labels, String prefix) {
    return labels.stream()
        .filter(l -> l.getText().startsWith(prefix))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no line starting " + prefix));
  }

  private static <T> T fx(Callable<T> call) throws Exception {
    return WaitForAsyncUtils.asyncFx(call).get(FX_SECONDS, TimeUnit.SECONDS);
  }
}

package gilbook.app.gui;

import gilbook.app.engine.SolutionDiff;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Window;

/**
 * The reference solution beside the learner's code, as the engine's {@link SolutionDiff} compares
 * them: only the code, changed lines highlighted, each side with its line numbers, scrolling
 * together. It opens at 90% of its owner window and can be resized. Read-only: it never touches the
 * learner's file. FX thread only.
 */
final class SolutionDialog extends Dialog<Void> {
  /** How much of the owner window the dialog takes when it opens. */
  static final double SHARE_OF_OWNER = 0.9;

  private static final double WIDTH_WITHOUT_OWNER = 1000;
  private static final double HEIGHT_WITHOUT_OWNER = 700;

  /** Compares the learner's file with the solution, both given as lines. */
  SolutionDialog(String exerciseId, List<String> mine, List<String> solution) {
    this(exerciseId, SolutionDiff.of(mine, solution));
  }

  SolutionDialog(String exerciseId, SolutionDiff diff) {
    setTitle("Solution: " + exerciseId);
    setResizable(true);
    DiffSide left = new DiffSide(diff.rows(), true);
    DiffSide right = new DiffSide(diff.rows(), false);
    left.vvalueProperty().bindBidirectional(right.vvalueProperty());
    SplitPane sides = new SplitPane(column("Your file", left), column("Reference solution", right));
    VBox.setVgrow(sides, Priority.ALWAYS);
    Label about = new Label(about(diff));
    about.setWrapText(true);
    about.setMinHeight(Region.USE_PREF_SIZE); // wraps onto a second line rather than being cut
    about.getStyleClass().add("diff-about");
    VBox box = new VBox(6, about, sides);
    box.setPadding(new Insets(8));
    getDialogPane().setContent(box);
    getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
    getDialogPane().getStyleClass().add("solution-dialog");
    // Its own copy of the window's styles: a dialog does not take its owner scene's stylesheets.
    getDialogPane()
        .getStylesheets()
        .add(SolutionDialog.class.getResource("app.css").toExternalForm());
    setOnShowing(e -> fitTo(getOwner()));
  }

  /** Scales the dialog's text, to follow the window's zoom (1.0 is the window's normal size). */
  void zoom(double factor) {
    getDialogPane()
        .setStyle(
            String.format(Locale.ROOT, "-fx-font-size: %.2fpx;", MainWindow.BASE_FONT_PX * factor));
  }

  private static VBox column(String title, DiffSide side) {
    Label heading = new Label(title);
    heading.getStyleClass().add("diff-heading");
    VBox.setVgrow(side, Priority.ALWAYS);
    return new VBox(4, heading, side);
  }

  private static String about(SolutionDiff diff) {
    if (diff.identical()) {
      return "Your code matches the solution (header comments, blank lines and spacing aside).";
    }
    return "Only the code is compared: the header comments ("
        + header("your file", diff.mineHeaderLines())
        + "; "
        + header("the solution", diff.solutionHeaderLines())
        + "), blank lines and spacing are left out. Red: your lines that differ;"
        + " green: the solution's.";
  }

  private static String header(String whose, int lines) {
    return whose + ": " + (lines == 0 ? "none" : "lines 1–" + lines);
  }

  /** 90% of the owner window, and never more than the screen it is on can show. */
  private void fitTo(Window owner) {
    if (owner == null) {
      getDialogPane().setPrefSize(WIDTH_WITHOUT_OWNER, HEIGHT_WITHOUT_OWNER);
      return;
    }
    Rectangle2D screen =
        Screen.getScreensForRectangle(
                owner.getX(), owner.getY(), owner.getWidth(), owner.getHeight())
            .stream()
            .findFirst()
            .orElse(Screen.getPrimary())
            .getVisualBounds();
    getDialogPane()
        .setPrefSize(
            Math.min(owner.getWidth() * SHARE_OF_OWNER, screen.getWidth()),
            Math.min(owner.getHeight() * SHARE_OF_OWNER, screen.getHeight()));
  }
}

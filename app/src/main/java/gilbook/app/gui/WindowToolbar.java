package gilbook.app.gui;

import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The window's toolbar: Run, Check and Stop, a busy mark, Hint, Solution, Reset and Undo, then the
 * presenter and dark toggles. Its buttons follow the model (disabled while busy, Undo only while
 * there is a backup); what they do is the window's. FX thread only.
 */
final class WindowToolbar extends ToolBar {
  /** What the buttons ask the window to do. */
  interface Actions {
    void run();

    void check();

    void cancel();

    void hint();

    void solution();

    void reset();

    void undoReset();
  }

  WindowToolbar(WindowModel model, Actions actions) {
    Button run = button("run", "▶ Run", actions::run);
    Button check = button("check", "✓ Check", actions::check);
    check.getStyleClass().add("primary-action");
    Button stop = button("stop", "■ Stop", actions::cancel);
    Button undo = button("undo-reset", "Undo reset", actions::undoReset);
    ProgressIndicator busy = new ProgressIndicator();
    busy.setPrefSize(18, 18);

    busy.visibleProperty().bind(model.busyProperty());
    run.disableProperty().bind(model.busyProperty());
    check.disableProperty().bind(model.busyProperty());
    stop.disableProperty().bind(model.busyProperty().not());
    undo.visibleProperty().bind(model.backupProperty().isNotNull());
    undo.managedProperty().bind(undo.visibleProperty());

    ToggleButton presenter = new ToggleButton("Presenter");
    presenter.setId("presenter");
    presenter.selectedProperty().bindBidirectional(model.presenterProperty());
    ToggleButton dark = new ToggleButton("Dark");
    dark.setId("dark");
    dark.selectedProperty().bindBidirectional(model.darkProperty());

    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    getItems()
        .setAll(
            run,
            check,
            stop,
            busy,
            new Separator(Orientation.VERTICAL),
            button("hint", "Hint", actions::hint),
            button("solution", "Solution…", actions::solution),
            button("reset", "Reset…", actions::reset),
            undo,
            grow,
            presenter,
            dark);
  }

  private static Button button(String id, String text, Runnable action) {
    Button b = new Button(text);
    b.setId(id);
    b.setOnAction(e -> action.run());
    return b;
  }
}

package gilbook.app.gui;

import atlantafx.base.theme.PrimerLight;
import gilbook.app.engine.EngineException;
import gilbook.app.engine.Workbook;
import gilbook.app.gui.window.StagePlacement;
import gilbook.app.gui.window.WindowBoundsStore;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.stage.Stage;

/**
 * The JavaFX application: opens the workbook found by {@link Workbook#findRoot()} in a {@link
 * MainWindow}, at the learner's last position. Launched by {@link GuiLauncher}, never directly (on
 * the class path, a main class must not extend {@code Application}).
 */
public final class GilbookApp extends Application {
  private MainWindow window;
  private StagePlacement placement;

  @Override
  public void start(Stage stage) {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    Workbook workbook;
    try {
      workbook = Workbook.open(Workbook.findRoot());
    } catch (EngineException e) {
      Alert alert = new Alert(Alert.AlertType.ERROR, e.getMessage());
      alert.setHeaderText("gilbook cannot open the workbook");
      alert.showAndWait();
      return;
    }
    window = new MainWindow(workbook);
    window.setOnExternalLink(url -> getHostServices().showDocument(url));
    Scene scene = new Scene(window);
    scene
        .getStylesheets()
        .add(Objects.requireNonNull(GilbookApp.class.getResource("app.css")).toExternalForm());
    window.installShortcuts(scene);
    stage.setTitle("gilbook: the GIL, hands on");
    stage.setScene(scene);
    placement = StagePlacement.apply(stage, WindowBoundsStore.forUser());
    stage.setOnCloseRequest(
        e -> {
          placement.save();
          window.shutdown();
        });
    // Save the learner's typing even if something unexpected goes wrong.
    Thread.setDefaultUncaughtExceptionHandler(
        (t, ex) -> {
          if (window != null) {
            javafx.application.Platform.runLater(() -> window.editor().save());
          }
          ex.printStackTrace();
        });
    stage.show();
    window.openStart();
    String probe = System.getProperty("gilbook.probe");
    if (probe != null && !probe.isBlank()) {
      StartupProbe.start(probe, window);
    }
    String shots = System.getProperty("gilbook.screenshots");
    if (shots != null && !shots.isBlank()) {
      new ScreenshotTour(window, scene, java.nio.file.Path.of(shots)).start();
    }
  }

  @Override
  public void stop() {
    if (placement != null) {
      placement.save();
    }
    if (window != null) {
      window.shutdown();
    }
  }
}

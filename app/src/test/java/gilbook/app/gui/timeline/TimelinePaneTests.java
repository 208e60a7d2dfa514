package gilbook.app.gui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The pane the main window embeds, with a trace from a real run: two CPU-bound threads and an I/O
 * thread. It writes {@code timeline.png}, {@code timeline-dark.png} and {@code timeline-zoomed.png}
 * to the temporary folder so a person can look at them.
 */
@ExtendWith(ApplicationExtension.class)
class TimelinePaneTests {
  private TimelinePane pane;

  @Start
  void start(Stage stage) {
    pane = new TimelinePane();
    stage.setScene(new Scene(pane, 1200, 640));
    stage.sizeToScene();
    stage.show();
  }

  @AfterEach
  void plainTheme(FxRobot robot) {
    robot.interact(() -> Application.setUserAgentStylesheet(null));
  }

  private Path snapshot(FxRobot robot, boolean dark, String name) {
    Path file = Path.of(System.getProperty("java.io.tmpdir"), name);
    robot.interact(
        () -> {
          Application.setUserAgentStylesheet(
              dark
                  ? new PrimerDark().getUserAgentStylesheet()
                  : new PrimerLight().getUserAgentStylesheet());
          pane.darkProperty().set(dark);
        });
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(
        () -> {
          WritableImage image = pane.snapshot(null, null);
          Snapshots.writePng(image, file);
        });
    return file;
  }

  @Test
  void aRealRunFillsTheTimelineAndTheTableAndRendersToAPng(FxRobot robot) throws Exception {
    TraceModel model = TraceModel.parse(TraceFixtures.realRun());
    robot.interact(() -> pane.setTrace(model));
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(3, pane.timeline().laneCount());
    assertEquals(3, pane.statsTable().getItems().size());
    assertEquals("cpu-1", pane.statsTable().getItems().get(0).name());

    Path light = snapshot(robot, false, "timeline.png");
    Path dark = snapshot(robot, true, "timeline-dark.png");
    robot.interact(
        () -> {
          for (int i = 0; i < 6; i++) {
            pane.timeline().zoomIn();
          }
        });
    Path zoomed = snapshot(robot, false, "timeline-zoomed.png");
    assertTrue(Files.size(zoomed) > 10_000, zoomed + " is too small to hold a timeline");
    assertTrue(Files.size(light) > 10_000, light + " is too small to hold a timeline");
    assertTrue(Files.size(dark) > 10_000, dark + " is too small to hold a timeline");
  }

  @Test
  void theToolbarZoomsAndFits(FxRobot robot) {
    robot.interact(() -> pane.setTrace(TraceModel.parse(TraceFixtures.THREE_THREADS)));
    double full = pane.timeline().visibleSpanProperty().get();
    robot.clickOn("+");
    assertTrue(pane.timeline().visibleSpanProperty().get() < full);
    robot.clickOn("Fit");
    assertEquals(full, pane.timeline().visibleSpanProperty().get(), 0.5);
  }
}

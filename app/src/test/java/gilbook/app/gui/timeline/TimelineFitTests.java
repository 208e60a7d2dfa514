package gilbook.app.gui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableColumn;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The pane at the sizes the main window gives it, in the app's theme: 1400 by 264 pixels at the
 * default window size, 1000 by 184 in a window that fits a 1280 by 720 screen. Every lane can be
 * reached, the table ends at its right edge and no header is cut short.
 */
@ExtendWith(ApplicationExtension.class)
class TimelineFitTests {
  private Stage stage;
  private TimelinePane pane;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    stage.show();
  }

  @AfterEach
  void plainTheme(FxRobot robot) {
    robot.interact(() -> Application.setUserAgentStylesheet(null));
  }

  private void show(FxRobot robot, double width, double height, double zoom, String trace) {
    robot.interact(
        () -> {
          pane = new TimelinePane();
          pane.zoomProperty().set(zoom);
          // The main window's root font: 13 px at zoom 1.
          StackPane window = new StackPane(pane);
          window.setStyle("-fx-font-size: 13px;");
          stage.setScene(new Scene(window, width, height));
          stage.sizeToScene();
          pane.setTrace(TraceModel.parse(trace));
        });
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static <T> T onFx(FxRobot robot, Supplier<T> read) {
    AtomicReference<T> result = new AtomicReference<>();
    robot.interact(() -> result.set(read.get()));
    return result.get();
  }

  private boolean laneWhollyVisible(FxRobot robot, int lane) {
    return onFx(robot, () -> pane.timeline().isLaneWhollyVisible(lane));
  }

  @Test
  void atTheDefaultSizeAllFourLanesOfChapterSevenShowWithoutScrolling(FxRobot robot) {
    show(robot, 1400, 264, 1.0, TraceFixtures.roundRobin(4));
    for (int i = 0; i < 4; i++) {
      assertTrue(laneWhollyVisible(robot, i), "lane " + i + " is not wholly visible");
    }
    assertFalse(onFx(robot, () -> pane.timeline().laneScrollBar().isVisible()));
  }

  @Test
  void inAShortPaneTheScrollBarBringsEveryLaneIntoView(FxRobot robot) {
    show(robot, 1000, 184, 1.0, TraceFixtures.roundRobin(6));
    ScrollBar bar = pane.timeline().laneScrollBar();
    assertTrue(onFx(robot, bar::isVisible), "six lanes cannot fit in 184 pixels: no scroll bar");
    assertTrue(laneWhollyVisible(robot, 0));
    for (int step = 0; step < 50 && onFx(robot, bar::getValue) < onFx(robot, bar::getMax); step++) {
      robot.interact(bar::increment);
    }
    assertTrue(laneWhollyVisible(robot, 5), "the last lane is out of reach");
  }

  @Test
  void inAShortPaneTheLegendFoldsAwayAndItsButtonBringsItBack(FxRobot robot) {
    show(robot, 1000, 184, 1.0, TraceFixtures.roundRobin(6));
    assertFalse(pane.legendShownProperty().get());
    robot.clickOn("Legend");
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(pane.legendShownProperty().get());

    show(robot, 1400, 264, 1.0, TraceFixtures.roundRobin(4));
    assertTrue(pane.legendShownProperty().get());
  }

  @Test
  void thePaneStaysInsideItsTab(FxRobot robot) {
    show(robot, 1000, 184, 1.5, TraceFixtures.roundRobin(6));
    assertEquals(184, onFx(robot, pane::getHeight), 0.5);
    assertTrue(onFx(robot, () -> pane.minHeight(1000)) <= 184, "the pane cannot shrink to 184");
  }

  @Test
  void theTableEndsAtItsRightEdgeWithEveryHeaderWhole(FxRobot robot) {
    for (double[] size : new double[][] {{1400, 264, 1.0}, {1000, 184, 1.0}, {1000, 184, 1.5}}) {
      show(robot, size[0], size[1], size[2], TraceFixtures.MAIN_HOLDS_THE_GIL_AT_A_DEADLOCK);
      String where = (int) size[0] + "x" + (int) size[1] + " at zoom " + size[2];
      ThreadStatsTable table = pane.statsTable();
      double columns =
          onFx(robot, () -> table.getColumns().stream().mapToDouble(TableColumn::getWidth).sum());
      double rows = onFx(robot, table::rowsWidth);
      assertTrue(columns <= rows + 0.5, where + ": columns " + columns + " > rows " + rows);
      assertTrue(columns >= rows - 1.5, where + ": columns " + columns + " leave a gap in " + rows);
      for (Label header : table.headers()) {
        String shown = onFx(robot, () -> ((Text) header.lookup(".text")).getText());
        assertEquals(header.getText(), shown, where + ": a header is cut short");
      }
    }
  }
}

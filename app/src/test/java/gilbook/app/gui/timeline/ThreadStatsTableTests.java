package gilbook.app.gui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
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

/** The thread table in the app's theme: its columns end at its right edge, headers whole. */
@ExtendWith(ApplicationExtension.class)
class ThreadStatsTableTests {
  private Stage stage;
  private ThreadStatsTable table;

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

  private void show(FxRobot robot, double width, double fontPx) {
    robot.interact(
        () -> {
          table = new ThreadStatsTable();
          StackPane root = new StackPane(table);
          root.setStyle("-fx-font-size: " + fontPx + "px;");
          root.getStylesheets()
              .add(TimelinePane.class.getResource("timeline.css").toExternalForm());
          stage.setScene(new Scene(root, width, 200));
          stage.sizeToScene();
          table.setTrace(TraceModel.parse(TraceFixtures.MAIN_HOLDS_THE_GIL_AT_A_DEADLOCK));
        });
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static <T> T onFx(FxRobot robot, Supplier<T> read) {
    AtomicReference<T> result = new AtomicReference<>();
    robot.interact(() -> result.set(read.get()));
    return result.get();
  }

  private void assertFitsWithEveryHeaderWhole(FxRobot robot, String where) {
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

  @Test
  void wideColumnsShareTheWidthWithOneLineHeaders(FxRobot robot) {
    show(robot, 1400, 13);
    assertFitsWithEveryHeaderWhole(robot, "1400 px wide");
    assertEquals("Longest hold (ms)", table.headers().get(5).getText());
  }

  @Test
  void narrowColumnsInLargeTextBreakTheirHeadersOntoTwoLines(FxRobot robot) {
    show(robot, 1000, 19.5);
    assertFitsWithEveryHeaderWhole(robot, "1000 px wide in 19.5 px text");
    assertEquals("Longest hold\n(ms)", table.headers().get(5).getText());
  }
}

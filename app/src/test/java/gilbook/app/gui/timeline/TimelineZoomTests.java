package gilbook.app.gui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Presenter mode: the pane's zoom draws the timeline's thread names, axis, bar text and lanes, and
 * the table, larger, and zoom 1 draws them exactly as before. The pane is tall enough for full
 * lanes at both zooms, so lane heights compare exactly.
 */
@ExtendWith(ApplicationExtension.class)
class TimelineZoomTests {
  private static final TraceModel THREE = TraceModel.parse(TraceFixtures.THREE_THREADS);

  private TimelinePane pane;

  @Start
  void start(Stage stage) {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    pane = new TimelinePane();
    pane.darkProperty().set(false);
    pane.setTrace(THREE);
    stage.setScene(new Scene(pane, 1200, 780));
    stage.show();
  }

  @AfterEach
  void plainTheme(FxRobot robot) {
    robot.interact(() -> Application.setUserAgentStylesheet(null));
  }

  private <T> T at(FxRobot robot, double zoom, Supplier<T> read) {
    robot.interact(() -> pane.zoomProperty().set(zoom));
    WaitForAsyncUtils.waitForFxEvents();
    AtomicReference<T> result = new AtomicReference<>();
    robot.interact(() -> result.set(read.get()));
    return result.get();
  }

  private TimelineView view() {
    return pane.timeline();
  }

  /** The height of lane 0's name and share, in the gutter. */
  private int laneLabelInk() {
    Image canvas = view().canvas().snapshot(null, null);
    int top = (int) (view().laneCenterY(0) - view().laneHeightOnCanvas() / 2);
    return Ink.height(
        canvas,
        2,
        top + 2,
        (int) view().gutterOnCanvas() - 4,
        top + (int) view().laneHeightOnCanvas() - 2,
        TimelinePalette.LIGHT.gutter());
  }

  /** The height of the axis's tick labels, above the tick marks. */
  private int axisLabelInk() {
    Image canvas = view().canvas().snapshot(null, null);
    int ticks = (int) (view().barTopY(0) - (view().laneCenterY(0) - view().barTopY(0)));
    int axisBottom = (int) Math.floor(view().laneCenterY(0) - view().laneHeightOnCanvas() / 2);
    return Ink.height(
        canvas,
        (int) view().gutterOnCanvas() + 4,
        0,
        (int) canvas.getWidth() - 4,
        Math.min(ticks, axisBottom - (int) (7 * pane.zoomProperty().get())),
        TimelinePalette.LIGHT.background());
  }

  /** The height of the text on A's first hold, "5.00 ms", inside its bar. */
  private int barTextInk() {
    Image canvas = view().canvas().snapshot(null, null);
    int barTop = (int) Math.ceil(view().barTopY(0));
    int barBottom = (int) Math.floor(2 * view().laneCenterY(0) - view().barTopY(0));
    return Ink.height(
        canvas,
        (int) view().xOf(1_000_000),
        barTop + 1,
        (int) view().xOf(4_000_000),
        barBottom - 1,
        TimelinePalette.LIGHT.holding());
  }

  private double headerFontSize() {
    return pane.statsTable().headers().get(1).getFont().getSize();
  }

  private double headerRowHeight() {
    return ((Region) pane.statsTable().lookup(".column-header-background")).getHeight();
  }

  private static void assertLarger(double normal, double zoomed, String what) {
    assertTrue(
        zoomed >= 1.3 * normal, what + " at zoom 1.5 is " + zoomed + ", at zoom 1 " + normal);
  }

  @Test
  void zoomOnePointFiveDrawsNamesAxisLabelsAndBarTextLarger(FxRobot robot) {
    int names = at(robot, 1.0, this::laneLabelInk);
    int axis = at(robot, 1.0, this::axisLabelInk);
    int bars = at(robot, 1.0, this::barTextInk);
    assertTrue(names > 0 && axis > 0 && bars > 0, names + " " + axis + " " + bars);
    assertLarger(names, at(robot, 1.5, this::laneLabelInk), "the lane label's height");
    assertLarger(axis, at(robot, 1.5, this::axisLabelInk), "the axis labels' height");
    assertLarger(bars, at(robot, 1.5, this::barTextInk), "the bar text's height");
  }

  @Test
  void zoomOnePointFiveMakesLanesAndTheNameColumnHalfAsLargeAgain(FxRobot robot) {
    double lane = at(robot, 1.0, () -> view().laneHeightOnCanvas());
    double gutter = at(robot, 1.0, () -> view().gutterOnCanvas());
    assertEquals(1.5 * lane, at(robot, 1.5, () -> view().laneHeightOnCanvas()), 0.01);
    assertEquals(1.5 * gutter, at(robot, 1.5, () -> view().gutterOnCanvas()), 0.01);
  }

  @Test
  void zoomOnePointFiveEnlargesTheTableHeaders(FxRobot robot) {
    double font = at(robot, 1.0, this::headerFontSize);
    double row = at(robot, 1.0, this::headerRowHeight);
    assertEquals(1.5 * font, at(robot, 1.5, this::headerFontSize), 0.01);
    assertLarger(row, at(robot, 1.5, this::headerRowHeight), "the header row's height");
  }

  @Test
  void zoomBackToOneRestoresExactlyTheOriginalSizesAndPixels(FxRobot robot) {
    Supplier<List<Object>> sizes =
        () ->
            List.of(
                view().laneHeightOnCanvas(),
                view().gutterOnCanvas(),
                view().laneCenterY(2),
                headerFontSize(),
                headerRowHeight(),
                pane.statsTable().getColumns().get(0).getWidth());
    List<Object> before = at(robot, 1.0, sizes);
    Image first = at(robot, 1.0, () -> pane.snapshot(null, null));
    at(robot, 1.5, sizes);
    assertEquals(before, at(robot, 1.0, sizes));
    Image again = at(robot, 1.0, () -> pane.snapshot(null, null));
    assertSamePixels(first, again);
  }

  private static void assertSamePixels(Image expected, Image actual) {
    assertEquals(expected.getWidth(), actual.getWidth());
    assertEquals(expected.getHeight(), actual.getHeight());
    PixelReader a = expected.getPixelReader();
    PixelReader b = actual.getPixelReader();
    for (int y = 0; y < expected.getHeight(); y++) {
      for (int x = 0; x < expected.getWidth(); x++) {
        if (a.getArgb(x, y) != b.getArgb(x, y)) {
          throw new AssertionError("the pixel at (" + x + ", " + y + ") differs after zoom 1.5");
        }
      }
    }
  }
}

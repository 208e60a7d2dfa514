package gilbook.app.gui.timeline;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.input.PickResult;
import javafx.scene.input.ScrollEvent;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The timeline view: lanes, placeholder, zoom, tooltips and drawing, headless. */
@ExtendWith(ApplicationExtension.class)
class TimelineViewTests {
  private static final TraceModel THREE = TraceModel.parse(TraceFixtures.THREE_THREADS);

  private TimelineView view;

  @Start
  void start(Stage stage) {
    view = new TimelineView();
    view.setDark(false);
    stage.setScene(new Scene(view, 900, 400));
    stage.sizeToScene();
    stage.show();
  }

  private static <T> T onFx(FxRobot robot, java.util.function.Supplier<T> action) {
    AtomicReference<T> result = new AtomicReference<>();
    robot.interact(() -> result.set(action.get()));
    WaitForAsyncUtils.waitForFxEvents();
    return result.get();
  }

  private void show(FxRobot robot, TraceModel model) {
    robot.interact(() -> view.setTrace(model));
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void aTraceWithThreeThreadsGetsThreeLanes(FxRobot robot) {
    show(robot, THREE);
    assertEquals(3, view.laneCount());
    assertFalse(view.isPlaceholderShown());
  }

  @Test
  void withoutATraceThePlaceholderInvitesARun(FxRobot robot) {
    assertTrue(view.isPlaceholderShown());
    assertEquals(0, view.laneCount());
    assertTrue(robot.lookup(TimelineView.NO_TRACE).tryQuery().isPresent());
  }

  @Test
  void anEmptyTraceSaysItHasNoEvents(FxRobot robot) {
    show(robot, TraceModel.parse("{\"events\":[]}"));
    assertTrue(view.isPlaceholderShown());
    assertTrue(robot.lookup(TimelineView.NO_EVENTS).tryQuery().isPresent());
  }

  @Test
  void settingNullGoesBackToThePlaceholder(FxRobot robot) {
    show(robot, THREE);
    show(robot, null);
    assertTrue(view.isPlaceholderShown());
    assertEquals(0, view.laneCount());
  }

  @Test
  void aTruncatedTraceShowsANotice(FxRobot robot) {
    assertFalse(view.isNoticeShown());
    show(
        robot,
        TraceModel.parse(
            "{\"droppedEvents\":5000,\"events\":[{\"t\":0,\"threadId\":1,\"thread\":\"A\","
                + "\"kind\":\"take\"},{\"t\":10,\"threadId\":1,\"thread\":\"A\","
                + "\"kind\":\"drop\"}]}"));
    assertTrue(view.isNoticeShown());
    assertTrue(robot.lookup(".gil-timeline-notice").queryLabeled().getText().contains("5,000"));
  }

  @Test
  void zoomingInShowsLessTimeAndFitShowsItAllAgain(FxRobot robot) {
    show(robot, THREE);
    double full = view.visibleSpanProperty().get();
    assertEquals(15_000_000, full, 0.5);
    robot.interact(view::zoomIn);
    double zoomed = view.visibleSpanProperty().get();
    assertTrue(zoomed < full, "zoomed span " + zoomed + " should be under " + full);
    robot.interact(view::zoomOut);
    robot.interact(view::zoomIn);
    robot.interact(view::zoomIn);
    robot.interact(view::fit);
    assertEquals(full, view.visibleSpanProperty().get(), 0.5);
    assertEquals(0, view.visibleStartProperty().get(), 0.5);
  }

  @Test
  void zoomingOutNeverShowsMoreThanTheWholeTrace(FxRobot robot) {
    show(robot, THREE);
    robot.interact(view::zoomOut);
    assertEquals(15_000_000, view.visibleSpanProperty().get(), 0.5);
  }

  @Test
  void ctrlScrollZoomsAroundTheMouse(FxRobot robot) {
    show(robot, THREE);
    double x = onFx(robot, () -> view.xOf(10_000_000));
    double y = onFx(robot, () -> view.laneCenterY(0));
    robot.interact(
        () -> {
          var plot = view.canvas().getParent();
          Event.fireEvent(
              plot,
              new ScrollEvent(
                  ScrollEvent.SCROLL,
                  x,
                  y,
                  x,
                  y,
                  false,
                  true,
                  false,
                  false,
                  false,
                  false,
                  0,
                  200,
                  0,
                  200,
                  ScrollEvent.HorizontalTextScrollUnits.NONE,
                  0,
                  ScrollEvent.VerticalTextScrollUnits.NONE,
                  0,
                  0,
                  new PickResult(plot, x, y)));
        });
    assertTrue(view.visibleSpanProperty().get() < 15_000_000);
    // The instant under the mouse stays under the mouse.
    assertEquals(x, onFx(robot, () -> view.xOf(10_000_000)), 0.5);
  }

  @Test
  void insideAHoldItGivesTheExactTakeAndDrop(FxRobot robot) {
    show(robot, THREE);
    Optional<String> text =
        onFx(robot, () -> view.describeAt(view.xOf(2_500_000), view.laneCenterY(0)));
    assertEquals(
        Optional.of(
            "A holding the GIL 5.0001 ms (take at 0.000 ms → drop at 5.0001 ms, dropped on"
                + " request)"),
        text);
  }

  @Test
  void computingWithTheGilWinsOverTheHoldAroundIt(FxRobot robot) {
    show(robot, THREE);
    String text =
        onFx(robot, () -> view.describeAt(view.xOf(10_500_000), view.laneCenterY(0))).orElseThrow();
    assertTrue(text.contains("computing Work.cpu while holding the GIL"), text);
  }

  @Test
  void aboveTheBarADropRequestTellsWhoAskedWhom(FxRobot robot) {
    show(robot, THREE);
    String text =
        onFx(robot, () -> view.describeAt(view.xOf(5_000_000), view.barTopY(1) - 5)).orElseThrow();
    assertTrue(text.startsWith("drop request at 5.000 ms: B"), text);
    assertTrue(text.contains("asked A to drop it"), text);
  }

  @Test
  void overTheThreadNameItGivesTheThreadsStatistics(FxRobot robot) {
    show(robot, THREE);
    String text = onFx(robot, () -> view.describeAt(20, view.laneCenterY(2))).orElseThrow();
    assertTrue(text.startsWith("io (thread 3)"), text);
    assertTrue(text.contains("blocked 1.000 ms"), text);
  }

  @Test
  void overNothingItSaysNothing(FxRobot robot) {
    assertEquals(Optional.empty(), onFx(robot, () -> view.describeAt(400, 100)));
    show(robot, THREE);
    // Lane io before the thread started.
    assertEquals(
        Optional.empty(),
        onFx(robot, () -> view.describeAt(view.xOf(2_000_000), view.laneCenterY(2))));
  }

  @Test
  void aSnapshotRendersInBothPalettes(FxRobot robot) {
    show(robot, THREE);
    for (boolean dark : List.of(false, true)) {
      WritableImage image =
          onFx(
              robot,
              () -> {
                view.setDark(dark);
                return assertDoesNotThrow(() -> view.snapshot(null, null));
              });
      assertEquals(900, image.getWidth(), 0.5);
    }
  }

  @Test
  void aHoldIsPaintedInTheHoldingColour(FxRobot robot) {
    show(robot, THREE);
    Color pixel =
        onFx(
            robot,
            () -> {
              WritableImage image = view.canvas().snapshot(null, null);
              return image
                  .getPixelReader()
                  .getColor((int) view.xOf(2_000_000), (int) view.laneCenterY(0) - 4);
            });
    Color holding = TimelinePalette.LIGHT.holding();
    assertEquals(holding.getRed(), pixel.getRed(), 0.02, pixel.toString());
    assertEquals(holding.getGreen(), pixel.getGreen(), 0.02, pixel.toString());
    assertEquals(holding.getBlue(), pixel.getBlue(), 0.02, pixel.toString());
  }

  @Test
  void shrinkingTheWindowShrinksTheCanvas(FxRobot robot) {
    show(robot, THREE);
    robot.interact(() -> view.getScene().getWindow().setWidth(500));
    // The canvas follows in the next layout pass, which runs on a pulse, not at once: wait for it.
    try {
      WaitForAsyncUtils.waitFor(
          20, TimeUnit.SECONDS, () -> onFx(robot, () -> view.canvas().getWidth()) == 500);
    } catch (TimeoutException e) {
      throw new AssertionError(
          "the canvas stayed " + onFx(robot, () -> view.canvas().getWidth()) + " wide", e);
    }
  }
}

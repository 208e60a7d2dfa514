package gilbook.app.gui.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/** Where the window opens, for the screens a learner or an instructor may have. */
class WindowPlacementTests {
  private static final Rectangle2D SMALL = new Rectangle2D(0, 0, 1280, 720);
  private static final Rectangle2D LARGE = new Rectangle2D(0, 0, 2560, 1410);
  private static final Rectangle2D RIGHT = new Rectangle2D(2560, 0, 1920, 1050);

  @Test
  void theFirstStartFitsASmallScreenWhole() {
    WindowBounds b = WindowPlacement.place(Optional.empty(), List.of(SMALL));
    assertTrue(b.within(SMALL), b.toString());
    assertEquals(1280, b.width());
    assertEquals(720, b.height());
  }

  @Test
  void theFirstStartOnALargeScreenHasThePreferredSizeCentred() {
    WindowBounds b = WindowPlacement.place(Optional.empty(), List.of(LARGE));
    assertEquals(new WindowBounds(580, 255, 1400, 900, false), b);
  }

  @Test
  void aWindowSavedOnALargerScreenComesBackWholeOnASmallOne() {
    // What a 1400×900 window centred on nothing gives: (-60,-60), toolbar off-screen.
    WindowBounds saved = new WindowBounds(-60, -60, 1400, 900, false);
    WindowBounds b = WindowPlacement.place(Optional.of(saved), List.of(SMALL));
    assertEquals(new WindowBounds(0, 0, 1280, 720, false), b);
  }

  @Test
  void aWindowOnAMonitorThatIsGoneMovesToThePrimaryScreen() {
    WindowBounds saved = new WindowBounds(2700, 100, 1200, 800, false);
    assertEquals(
        saved, WindowPlacement.place(Optional.of(saved), List.of(LARGE, RIGHT)), "still there");
    WindowBounds b = WindowPlacement.place(Optional.of(saved), List.of(SMALL));
    assertTrue(b.within(SMALL), b.toString());
    assertEquals(1200, b.width());
  }

  @Test
  void aWindowThatFitsComesBackExactlyWhereItWas() {
    WindowBounds saved = new WindowBounds(100, 40, 1000, 600, true);
    assertEquals(saved, WindowPlacement.place(Optional.of(saved), List.of(SMALL)));
  }

  @Test
  void aWindowAcrossTwoScreensGoesWhollyOntoTheOneShowingMostOfIt() {
    WindowBounds saved = new WindowBounds(2000, 100, 1400, 900, false);
    WindowBounds b = WindowPlacement.place(Optional.of(saved), List.of(LARGE, RIGHT));
    assertTrue(b.within(RIGHT), b.toString());
  }

  @Test
  void damagedBoundsAreIgnored() {
    for (WindowBounds bad :
        List.of(
            new WindowBounds(Double.NaN, 0, 1000, 700, false),
            new WindowBounds(0, 0, 0, 0, false),
            new WindowBounds(0, 0, Double.POSITIVE_INFINITY, 700, false))) {
      WindowBounds b = WindowPlacement.place(Optional.of(bad), List.of(SMALL));
      assertEquals(new WindowBounds(0, 0, 1280, 720, false), b, bad.toString());
    }
  }

  @Test
  void theMinimumSizeNeverExceedsTheScreen() {
    Rectangle2D tiny = new Rectangle2D(0, 0, 640, 480);
    assertEquals(640, WindowPlacement.minWidth(tiny));
    assertEquals(480, WindowPlacement.minHeight(tiny));
    assertEquals(WindowPlacement.MIN_WIDTH, WindowPlacement.minWidth(SMALL));
  }
}

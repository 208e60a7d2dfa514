package gilbook.app.gui.window;

import java.util.List;
import java.util.Optional;
import javafx.geometry.Rectangle2D;

/**
 * Decides where the window opens, so that all of it is on a screen, toolbar included: on a 1280×720
 * projector as on a large monitor.
 *
 * <p>The first start fits the preferred size into the primary screen's visual bounds (the screen
 * less its task bars) and centres it there. Later starts put the window back where it was, unless
 * the screens changed: a window that was on a monitor which is gone moves to the primary screen,
 * and one larger than its screen now shrinks to fit. It never opens partly off-screen, which is
 * what a negative position from a larger screen would do.
 */
public final class WindowPlacement {
  /** The size the workbook is designed for; smaller screens get less. */
  public static final double PREFERRED_WIDTH = 1400;

  public static final double PREFERRED_HEIGHT = 900;

  /** Below this the lesson, the code and the bottom pane no longer make sense side by side. */
  public static final double MIN_WIDTH = 800;

  public static final double MIN_HEIGHT = 560;

  private WindowPlacement() {}

  /**
   * The bounds to open with.
   *
   * @param saved where the window was when it last closed, if known
   * @param screens the visual bounds of every screen, the primary first
   */
  public static WindowBounds place(Optional<WindowBounds> saved, List<Rectangle2D> screens) {
    if (screens.isEmpty()) {
      throw new IllegalArgumentException("no screen to place the window on");
    }
    Rectangle2D primary = screens.get(0);
    if (saved.isEmpty() || !sane(saved.get())) {
      return fitted(PREFERRED_WIDTH, PREFERRED_HEIGHT, primary, false);
    }
    WindowBounds last = saved.get();
    Optional<Rectangle2D> home = mostOverlapping(last.rectangle(), screens);
    if (home.isEmpty()) {
      return fitted(last.width(), last.height(), primary, last.maximized());
    }
    Rectangle2D screen = home.get();
    double width = Math.min(last.width(), screen.getWidth());
    double height = Math.min(last.height(), screen.getHeight());
    double x = clamp(last.x(), screen.getMinX(), screen.getMaxX() - width);
    double y = clamp(last.y(), screen.getMinY(), screen.getMaxY() - height);
    return new WindowBounds(x, y, width, height, last.maximized());
  }

  /** The smallest size to allow on {@code screen}: the design minimum, or the screen if smaller. */
  public static double minWidth(Rectangle2D screen) {
    return Math.min(MIN_WIDTH, screen.getWidth());
  }

  public static double minHeight(Rectangle2D screen) {
    return Math.min(MIN_HEIGHT, screen.getHeight());
  }

  private static WindowBounds fitted(
      double width, double height, Rectangle2D screen, boolean maximized) {
    double w = Math.min(width, screen.getWidth());
    double h = Math.min(height, screen.getHeight());
    double x = screen.getMinX() + (screen.getWidth() - w) / 2;
    double y = screen.getMinY() + (screen.getHeight() - h) / 2;
    return new WindowBounds(x, y, w, h, maximized);
  }

  /** The screen that shows most of {@code window}, or empty when none shows any of it. */
  private static Optional<Rectangle2D> mostOverlapping(
      Rectangle2D window, List<Rectangle2D> screens) {
    Rectangle2D best = null;
    double bestArea = 0;
    for (Rectangle2D s : screens) {
      double w = Math.min(window.getMaxX(), s.getMaxX()) - Math.max(window.getMinX(), s.getMinX());
      double h = Math.min(window.getMaxY(), s.getMaxY()) - Math.max(window.getMinY(), s.getMinY());
      if (w > 0 && h > 0 && w * h > bestArea) {
        best = s;
        bestArea = w * h;
      }
    }
    return Optional.ofNullable(best);
  }

  /** A saved size that no real window had (a hand-edited or damaged file) is not used. */
  private static boolean sane(WindowBounds b) {
    return Double.isFinite(b.x())
        && Double.isFinite(b.y())
        && Double.isFinite(b.width())
        && Double.isFinite(b.height())
        && b.width() >= 200
        && b.height() >= 150;
  }

  private static double clamp(double value, double min, double max) {
    return Math.max(min, Math.min(value, max));
  }
}

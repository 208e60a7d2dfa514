package gilbook.app.gui.window;

import javafx.geometry.Rectangle2D;

/**
 * Where the window is and how big, as the desktop measures it (decorations included), and whether
 * it is maximized. When it is, the bounds are those it goes back to when it is restored.
 */
public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
  Rectangle2D rectangle() {
    return new Rectangle2D(x, y, width, height);
  }

  /** True when the window lies wholly inside {@code area}. */
  public boolean within(Rectangle2D area) {
    return x >= area.getMinX()
        && y >= area.getMinY()
        && x + width <= area.getMaxX()
        && y + height <= area.getMaxY();
  }
}

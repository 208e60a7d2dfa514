package gilbook.app.gui.timeline;

import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.paint.Color;

/** Measures what was painted in part of a snapshot: the pixels unlike a background colour. */
final class Ink {
  private Ink() {}

  /**
   * How many pixel rows, from the first to the last, in the box {@code x0..x1, y0..y1} of {@code
   * image} hold a pixel that differs from {@code background}: the height of the text drawn there.
   */
  static int height(Image image, int x0, int y0, int x1, int y1, Color background) {
    PixelReader pixels = image.getPixelReader();
    int first = -1;
    int last = -1;
    for (int y = Math.max(0, y0); y < Math.min(y1, (int) image.getHeight()); y++) {
      for (int x = Math.max(0, x0); x < Math.min(x1, (int) image.getWidth()); x++) {
        if (differs(pixels.getColor(x, y), background)) {
          first = first < 0 ? y : first;
          last = y;
          break;
        }
      }
    }
    return first < 0 ? 0 : last - first + 1;
  }

  private static boolean differs(Color a, Color b) {
    return Math.abs(a.getRed() - b.getRed())
            + Math.abs(a.getGreen() - b.getGreen())
            + Math.abs(a.getBlue() - b.getBlue())
        > 0.25;
  }
}

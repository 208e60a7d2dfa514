package gilbook.app.gui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javax.imageio.ImageIO;

/** Turns JavaFX images into PNG files, without javafx-swing. Thread-safe. */
public final class Png {
  private Png() {}

  /** The image as an AWT image, pixel for pixel. */
  public static BufferedImage toBufferedImage(Image image) {
    int w = (int) image.getWidth();
    int h = (int) image.getHeight();
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    PixelReader pixels = image.getPixelReader();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        out.setRGB(x, y, pixels.getArgb(x, y));
      }
    }
    return out;
  }

  /** Writes {@code image} to {@code file} as a PNG, creating the folder if needed. */
  public static void write(Image image, Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    ImageIO.write(toBufferedImage(image), "png", file.toFile());
  }
}

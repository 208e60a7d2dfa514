package gilbook.app.gui.timeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javafx.scene.image.Image;

/** Writes JavaFX images as PNG files without javafx-swing. */
final class Snapshots {
  private Snapshots() {}

  /** Writes {@code image} to {@code file} as a PNG. */
  static void writePng(Image image, Path file) {
    try {
      gilbook.app.gui.Png.write(image, file);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + file, e);
    }
  }
}

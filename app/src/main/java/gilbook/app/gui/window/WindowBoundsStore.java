package gilbook.app.gui.window;

import gilbook.app.engine.AtomicFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * Remembers the window's bounds between starts, in {@code window.properties} in the user's
 * configuration folder: the machine's screens decide them, not the workbook, so they are kept apart
 * from the workbook's progress. A missing, unreadable or damaged file only means the window opens
 * at its default place; it is rewritten when the window next closes.
 */
public final class WindowBoundsStore {
  private final Path file;

  public WindowBoundsStore(Path file) {
    this.file = file;
  }

  /**
   * The store in {@code $XDG_CONFIG_HOME/gilbook} (by default {@code ~/.config/gilbook}), or in the
   * folder named by the {@code gilbook.config} system property.
   */
  public static WindowBoundsStore forUser() {
    String override = System.getProperty("gilbook.config");
    Path dir;
    if (override != null && !override.isBlank()) {
      dir = Path.of(override);
    } else {
      String xdg = System.getenv("XDG_CONFIG_HOME");
      dir =
          (xdg != null && !xdg.isBlank()
                  ? Path.of(xdg)
                  : Path.of(System.getProperty("user.home"), ".config"))
              .resolve("gilbook");
    }
    return new WindowBoundsStore(dir.resolve("window.properties"));
  }

  public Path file() {
    return file;
  }

  /** The bounds saved last, or empty when there are none that can be read. */
  public Optional<WindowBounds> load() {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
      return Optional.of(
          new WindowBounds(
              number(p, "x"),
              number(p, "y"),
              number(p, "width"),
              number(p, "height"),
              Boolean.parseBoolean(p.getProperty("maximized", "false"))));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Saves {@code bounds}; a failure is reported, never thrown: closing must not fail. */
  public Optional<String> save(WindowBounds bounds) {
    Properties p = new Properties();
    p.setProperty("x", Double.toString(bounds.x()));
    p.setProperty("y", Double.toString(bounds.y()));
    p.setProperty("width", Double.toString(bounds.width()));
    p.setProperty("height", Double.toString(bounds.height()));
    p.setProperty("maximized", Boolean.toString(bounds.maximized()));
    try {
      StringWriter text = new StringWriter();
      p.store(text, "gilbook's window, as it was when it last closed");
      Files.createDirectories(file.getParent());
      AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.of("could not remember the window's place in " + file + ": " + e);
    }
  }

  private static double number(Properties p, String key) {
    String value = p.getProperty(key);
    if (value == null) {
      throw new IllegalArgumentException("no " + key);
    }
    return Double.parseDouble(value.strip());
  }
}

package gilbook.app.gui.lesson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The bundled highlight.js 11.10.0 and its two GitHub themes, read from the class path once and
 * kept. Lessons render offline: nothing is ever fetched from the network. Thread-safe.
 */
final class HighlightJs {
  private static final String FOLDER = "highlight/";

  private HighlightJs() {}

  /** The library itself, ready to inline in a {@code <script>} element. */
  static String script() {
    return Assets.SCRIPT;
  }

  /** The token colours for {@code theme}, ready to inline in a {@code <style>} element. */
  static String css(LessonTheme theme) {
    return theme == LessonTheme.DARK ? Assets.DARK_CSS : Assets.LIGHT_CSS;
  }

  /** Loaded on first use; the class loader makes this lazy and thread-safe. */
  private static final class Assets {
    static final String SCRIPT = read("highlight.min.js");
    static final String LIGHT_CSS = read("github.min.css");
    static final String DARK_CSS = read("github-dark.min.css");

    private static String read(String name) {
      try (InputStream in = HighlightJs.class.getResourceAsStream(FOLDER + name)) {
        if (in == null) {
          throw new IllegalStateException(
              "highlight.js resource missing from the class path: gilbook/app/gui/lesson/"
                  + FOLDER
                  + name
                  + "; rebuild the app module");
        }
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        // An inlined asset must not end its own element early.
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("</script") || lower.contains("</style")) {
          throw new IllegalStateException(name + " contains a closing tag and cannot be inlined");
        }
        return text;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read bundled highlight.js file " + name, e);
      }
    }
  }
}

package gilbook.app.gui.lesson;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a lesson image's {@code src} points: a readable local file, or a reason it cannot be shown.
 * Relative paths resolve against the lesson's folder; remote images are refused because lessons
 * render offline. Immutable and thread-safe.
 *
 * @param url the address to put in {@code src}, or null when the image cannot be shown
 * @param notice why the image cannot be shown, or null when it can
 */
record LessonImage(String url, String notice) {
  private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]+:");

  /** Resolves {@code destination}, as written in the markdown, against {@code lessonFolder}. */
  static LessonImage resolve(String destination, Path lessonFolder) {
    String lower = destination.toLowerCase(Locale.ROOT);
    if (lower.startsWith("data:image/")) {
      return new LessonImage(destination, null);
    }
    if (lower.startsWith("http:") || lower.startsWith("https:")) {
      return missing("remote image not loaded (lessons render offline): " + destination);
    }
    Path file;
    try {
      if (lower.startsWith("file:")) {
        file = Path.of(URI.create(destination));
      } else if (SCHEME.matcher(destination).find()) {
        return missing("image not shown, unsupported address: " + destination);
      } else {
        file = lessonFolder.resolve(decodePath(destination)).normalize();
      }
    } catch (IllegalArgumentException e) { // also InvalidPathException
      return missing("image not shown, bad address: " + destination);
    }
    if (destination.isBlank() || !Files.isRegularFile(file) || !Files.isReadable(file)) {
      return missing("image not found: " + destination);
    }
    return new LessonImage(file.toUri().toString(), null);
  }

  /** True when the image can be shown. */
  boolean found() {
    return url != null;
  }

  private static LessonImage missing(String notice) {
    return new LessonImage(null, notice);
  }

  /** Drops a query or fragment and undoes percent escapes: {@code my%20plot.png} names a file. */
  private static String decodePath(String destination) {
    String path = destination.replaceFirst("[?#].*$", "");
    try {
      return URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return path; // a lone '%' is just a character
    }
  }
}

package gilbook.app.gui.lesson;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What a click on a lesson link should do, decided from the link's {@code href} as written in the
 * markdown. Immutable and thread-safe.
 */
sealed interface LessonLink {

  /** Scroll to the element with this id on the current page. */
  record Anchor(String id) implements LessonLink {}

  /** Open another lesson, a markdown file. */
  record Lesson(Path file) implements LessonLink {}

  /** Open this address outside the app, in the browser or mail program. */
  record External(String url) implements LessonLink {}

  /** Run the page's runnable listing number {@code index}. */
  record RunListing(int index) implements LessonLink {}

  /** Run the page's {@code ```jshell} block number {@code number}, counted from 1. */
  record RunBlock(int number) implements LessonLink {}

  /** Do nothing: an address the workbook does not follow. */
  record Ignored(String href) implements LessonLink {}

  /** Classifies {@code href}, resolving relative paths against {@code lessonFolder}. */
  static LessonLink of(String href, Path lessonFolder) {
    if (href == null || href.isBlank()) {
      return new Ignored(String.valueOf(href));
    }
    String trimmed = href.strip();
    if (trimmed.startsWith("#")) {
      return new Anchor(decode(trimmed.substring(1)));
    }
    String lower = trimmed.toLowerCase(Locale.ROOT);
    if (lower.startsWith(ListingBlockRenderer.SCHEME)) {
      try {
        return new RunListing(
            Integer.parseInt(trimmed.substring(ListingBlockRenderer.SCHEME.length())));
      } catch (NumberFormatException e) {
        return new Ignored(trimmed);
      }
    }
    if (lower.startsWith(ListingBlockRenderer.BLOCK_SCHEME)) {
      try {
        return new RunBlock(
            Integer.parseInt(trimmed.substring(ListingBlockRenderer.BLOCK_SCHEME.length())));
      } catch (NumberFormatException e) {
        return new Ignored(trimmed);
      }
    }
    if (lower.startsWith("http:") || lower.startsWith("https:") || lower.startsWith("mailto:")) {
      return new External(trimmed);
    }
    try {
      URI uri = new URI(trimmed);
      if (uri.getScheme() != null && !uri.getScheme().equalsIgnoreCase("file")) {
        return new Ignored(trimmed);
      }
      Path file =
          uri.getScheme() != null
              ? Path.of(new URI("file", null, uri.getPath(), null))
              : lessonFolder.resolve(uri.getPath()).normalize();
      boolean markdown = file.getFileName() != null && isMarkdown(file.getFileName().toString());
      return markdown ? new Lesson(file) : new Ignored(trimmed);
    } catch (URISyntaxException | IllegalArgumentException e) { // incl. InvalidPathException
      return new Ignored(trimmed);
    }
  }

  private static boolean isMarkdown(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    return lower.endsWith(".md") || lower.endsWith(".markdown");
  }

  private static String decode(String fragment) {
    try {
      return URLDecoder.decode(fragment.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return fragment;
    }
  }
}

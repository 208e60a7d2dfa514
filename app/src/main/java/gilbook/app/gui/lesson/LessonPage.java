package gilbook.app.gui.lesson;

import java.util.List;
import java.util.Locale;

/**
 * Wraps a rendered lesson body into a complete, self-contained HTML page: the stylesheets and
 * highlight.js are inlined, and the code is highlighted as the page loads. Stateless and
 * thread-safe.
 */
final class LessonPage {
  private LessonPage() {}

  /**
   * Returns the page.
   *
   * @param title the page title, plain text
   * @param body the lesson as HTML
   * @param topNotices problems with the lesson as a whole, shown above it
   * @param theme the colours
   * @param zoom the font scale
   */
  static String assemble(
      String title, String body, List<String> topNotices, LessonTheme theme, double zoom) {
    StringBuilder page = new StringBuilder(body.length() + 140_000);
    page.append("<!DOCTYPE html>\n<html lang=\"en\" class=\"theme-")
        .append(theme.name().toLowerCase(Locale.ROOT))
        .append("\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(Html.escape(title))
        .append("</title>\n<style>")
        .append(HighlightJs.css(theme))
        .append("</style>\n<style>\n")
        .append(LessonStylesheet.css(theme, zoom))
        .append("</style>\n</head>\n<body>\n<main class=\"lesson\">\n");
    for (String notice : topNotices) {
      page.append(Html.noticeBox("div", notice)).append('\n');
    }
    page.append(body)
        .append("</main>\n<script>")
        .append(HighlightJs.script())
        .append("</script>\n<script>\n")
        // Synchronous, so the code is coloured before the load completes.
        .append("document.querySelectorAll('pre code').forEach(function (block) {\n")
        .append("  hljs.highlightElement(block);\n")
        .append("});\n</script>\n</body>\n</html>\n");
    return page.toString();
  }
}

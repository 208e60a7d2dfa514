package gilbook.app.gui.lesson;

/** Escaping for text placed into HTML. Stateless and thread-safe. */
final class Html {
  private Html() {}

  /** Returns {@code text} with the five HTML-special characters replaced by entities. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** Returns a visible notice box, the same wherever a problem is reported on a page. */
  static String noticeBox(String element, String notice) {
    return "<"
        + element
        + " class=\"lesson-notice\" role=\"note\">"
        + escape(notice)
        + "</"
        + element
        + ">";
  }
}

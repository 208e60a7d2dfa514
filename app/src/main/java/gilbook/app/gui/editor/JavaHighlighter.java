package gilbook.app.gui.editor;

import java.util.Collection;
import java.util.Collections;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * Java syntax highlighting for the exercise editor: a single regular expression with one named
 * group per token class, turned into RichTextFX style spans. Pure and thread-safe, so it can run
 * off the FX thread.
 */
public final class JavaHighlighter {
  private static final String[] KEYWORDS = {
    "abstract",
    "assert",
    "boolean",
    "break",
    "byte",
    "case",
    "catch",
    "char",
    "class",
    "const",
    "continue",
    "default",
    "do",
    "double",
    "else",
    "enum",
    "extends",
    "final",
    "finally",
    "float",
    "for",
    "goto",
    "if",
    "implements",
    "import",
    "instanceof",
    "int",
    "interface",
    "long",
    "native",
    "new",
    "package",
    "private",
    "protected",
    "public",
    "record",
    "return",
    "short",
    "static",
    "strictfp",
    "super",
    "switch",
    "synchronized",
    "this",
    "throw",
    "throws",
    "transient",
    "try",
    "var",
    "void",
    "volatile",
    "while",
    "yield",
    "true",
    "false",
    "null"
  };

  private static final Pattern TOKENS =
      Pattern.compile(
          "(?<COMMENT>//[^\\n]*|/\\*(.|\\R)*?\\*/)"
              + "|(?<STRING>\"([^\"\\\\\\n]|\\\\.)*\"|'([^'\\\\\\n]|\\\\.)*')"
              + "|(?<KEYWORD>\\b("
              + String.join("|", KEYWORDS)
              + ")\\b)"
              + "|(?<TODO>\\bTODO\\b)"
              + "|(?<NUMBER>\\b\\d[\\d_]*(\\.\\d+)?[lLdDfF]?\\b)"
              + "|(?<TYPE>\\b[A-Z][A-Za-z0-9_]*\\b)"
              + "|(?<BRACE>[{}()\\[\\]])"
              + "|(?<SEMI>;)");

  private static final String[] GROUPS = {
    "COMMENT", "STRING", "KEYWORD", "TODO", "NUMBER", "TYPE", "BRACE", "SEMI"
  };

  private JavaHighlighter() {}

  /** Style spans for {@code text}: CSS classes {@code comment}, {@code keyword}, and so on. */
  public static StyleSpans<Collection<String>> highlight(String text) {
    Matcher m = TOKENS.matcher(text);
    StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
    int last = 0;
    while (m.find()) {
      String style = null;
      for (String g : GROUPS) {
        if (m.group(g) != null) {
          style = g.toLowerCase(java.util.Locale.ROOT);
          break;
        }
      }
      if (style == null) {
        continue;
      }
      spans.add(Collections.emptyList(), m.start() - last);
      Collection<String> classes =
          style.equals("comment") && m.group().contains("TODO")
              ? java.util.List.of("comment", "todo")
              : Collections.singleton(style);
      spans.add(classes, m.end() - m.start());
      last = m.end();
    }
    spans.add(Collections.emptyList(), text.length() - last);
    return spans.create();
  }
}

package gilbook.app.gui.lesson;

import java.util.Locale;

/**
 * The lesson page's own stylesheet: a readable column, tables, code and notices in AtlantaFX's
 * Primer colours, scaled by a zoom factor for presenter mode. Stateless and thread-safe.
 */
final class LessonStylesheet {
  /** The font size, in CSS pixels, at zoom 1; every other size is relative to it. */
  static final double BASE_FONT_PX = 16;

  private LessonStylesheet() {}

  /** The colours of one theme, named after AtlantaFX's {@code -color-...} variables. */
  private record Palette(
      String scheme,
      String fgDefault,
      String fgMuted,
      String bgDefault,
      String bgSubtle,
      String borderDefault,
      String borderMuted,
      String neutralMuted,
      String accentFg,
      String accentEmphasis,
      String accentSubtle,
      String warningFg,
      String warningMuted,
      String warningSubtle) {}

  private static final Palette PRIMER_LIGHT =
      new Palette(
          "light",
          "#24292f",
          "#57606a",
          "#ffffff",
          "#f6f8fa",
          "#d0d7de",
          "#d8dee4",
          "rgba(175, 184, 193, 0.2)",
          "#0969da",
          "#0969da",
          "#ddf4ff",
          "#9a6700",
          "rgba(212, 167, 44, 0.4)",
          "#fff8c5");

  private static final Palette PRIMER_DARK =
      new Palette(
          "dark",
          "#c9d1d9",
          "#8b949e",
          "#0d1117",
          "#161b22",
          "#30363d",
          "#21262d",
          "rgba(110, 118, 129, 0.4)",
          "#58a6ff",
          "#1f6feb",
          "rgba(56, 139, 253, 0.15)",
          "#d29922",
          "rgba(187, 128, 9, 0.4)",
          "rgba(187, 128, 9, 0.15)");

  /** The page background of {@code theme}, as a CSS hex colour. */
  static String background(LessonTheme theme) {
    return palette(theme).bgDefault();
  }

  /** Returns the stylesheet for {@code theme} with every size multiplied by {@code zoom}. */
  static String css(LessonTheme theme, double zoom) {
    Palette p = palette(theme);
    String fontSize = String.format(Locale.ROOT, "%.2fpx", BASE_FONT_PX * zoom);
    return """
        :root { color-scheme: %s; }
        html { font-size: %s; }
        body {
          margin: 0; background: %s; color: %s;
          font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", "DejaVu Sans",
            Helvetica, Arial, sans-serif;
          line-height: 1.6; word-wrap: break-word;
        }
        main.lesson { max-width: 46em; margin: 0 auto; padding: 1.5em 2em 4em; }
        h1, h2, h3, h4, h5, h6 { line-height: 1.25; font-weight: bold; margin: 1.6em 0 0.6em; }
        h1 { font-size: 2em; margin-top: 0.3em; }
        h2 { font-size: 1.5em; }
        h1, h2 { padding-bottom: 0.3em; border-bottom: 1px solid %s; }
        h3 { font-size: 1.25em; }
        h4 { font-size: 1em; }
        p, ul, ol, dl, table, pre, blockquote { margin: 0 0 1em; }
        ul, ol { padding-left: 2em; }
        li + li { margin-top: 0.25em; }
        a { color: %s; text-decoration: none; }
        a:hover { text-decoration: underline; }
        strong { font-weight: bold; }
        hr { height: 0.25em; border: 0; background: %s; margin: 1.5em 0; }
        img { max-width: 100%%; }
        code, pre {
          font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas,
            "Liberation Mono", "DejaVu Sans Mono", monospace;
        }
        code {
          font-size: 0.85em; padding: 0.15em 0.4em; border-radius: 6px; background: %s;
        }
        pre {
          background: %s; border: 1px solid %s; border-radius: 8px;
          line-height: 1.45; overflow: auto;
        }
        main.lesson pre code, main.lesson pre code.hljs {
          display: block; padding: 1em 1.2em; font-size: 0.85em;
          background: transparent; border-radius: 0; overflow-x: auto; white-space: pre;
        }
        table {
          display: block; width: max-content; max-width: 100%%; overflow: auto;
          border-collapse: collapse; border-spacing: 0;
        }
        th, td { border: 1px solid %s; padding: 0.4em 0.8em; vertical-align: top; }
        th { font-weight: bold; background: %s; }
        th:not([align]) { text-align: left; }
        tbody tr:nth-child(2n) { background: %s; }
        blockquote {
          margin-left: 0; margin-right: 0; padding: 0.5em 1em;
          border-left: 0.25em solid %s; background: %s; border-radius: 0 6px 6px 0;
        }
        blockquote > :last-child { margin-bottom: 0; }
        .lesson-notice {
          display: block; margin: 0 0 1em; padding: 0.5em 0.9em; font-size: 0.9em;
          color: %s; background: %s; border: 1px solid %s; border-radius: 6px;
        }
        .lesson-notice::before { content: "\\26A0\\FE0E  "; }
        """
        .formatted(
            p.scheme(),
            fontSize,
            p.bgDefault(),
            p.fgDefault(),
            p.borderMuted(),
            p.accentFg(),
            p.borderMuted(),
            p.neutralMuted(),
            p.bgSubtle(),
            p.borderMuted(),
            p.borderDefault(),
            p.bgSubtle(),
            p.bgSubtle(),
            p.accentEmphasis(),
            p.accentSubtle(),
            p.warningFg(),
            p.warningSubtle(),
            p.warningMuted());
  }

  private static Palette palette(LessonTheme theme) {
    return theme == LessonTheme.DARK ? PRIMER_DARK : PRIMER_LIGHT;
  }
}

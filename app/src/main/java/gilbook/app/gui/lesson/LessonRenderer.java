package gilbook.app.gui.lesson;

import gilbook.app.engine.LessonBlocks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Turns a lesson's markdown into one self-contained HTML page, ready for a WebView or a browser.
 *
 * <p>The markdown is CommonMark with GFM tables. Headings get ids ({@code ## Reference counting}
 * becomes {@code id="reference-counting"}), so {@code #reference-counting} links work. Fenced code
 * is highlighted by the bundled highlight.js, inlined into the page together with a stylesheet in
 * AtlantaFX's Primer colours. Relative image paths resolve against the lesson's folder.
 *
 * <p>Rendering never fails on a bad lesson. A missing image, an unreadable file, bytes that are not
 * UTF-8 or an unclosed code fence each give a visible notice on the page and an entry in {@link
 * RenderedLesson#notices()}.
 *
 * <p>Raw HTML in the markdown is escaped and shows as text. Lessons use plain markdown only, and
 * the page runs with JavaScript on (for highlighting), so a stray {@code <script>} or an unclosed
 * {@code <div>} must neither run nor swallow the rest of the page. Escaping also keeps prose such
 * as {@code Py<T>} written without backticks readable. Link addresses are sanitized for the same
 * reason, so a {@code javascript:} link loses its address.
 *
 * <p>Immutable and thread-safe: one instance can serve every lesson.
 */
public final class LessonRenderer {
  private static final double MAX_ZOOM = 10;
  private static final List<Extension> EXTENSIONS =
      List.of(TablesExtension.create(), HeadingAnchorExtension.create());

  private final Parser parser =
      Parser.builder().extensions(EXTENSIONS).includeSourceSpans(IncludeSourceSpans.BLOCKS).build();

  /** Creates a renderer. */
  public LessonRenderer() {}

  /**
   * Reads and renders the lesson in {@code lessonFile}. A file that cannot be read still gives a
   * page, which says why.
   *
   * @param lessonFile the markdown file; its folder is where relative images are looked up
   * @param theme the colours
   * @param zoom the font scale: 1 for normal, larger for presenter mode
   */
  public RenderedLesson render(Path lessonFile, LessonTheme theme, double zoom) {
    Objects.requireNonNull(lessonFile, "lessonFile must not be null");
    Path file = lessonFile.toAbsolutePath().normalize();
    LessonSource source = LessonSource.read(file);
    String fallbackTitle = String.valueOf(file.getFileName());
    return render(source.text(), file.getParent(), theme, zoom, fallbackTitle, source.notices());
  }

  /**
   * Renders the lesson {@code markdown}.
   *
   * @param markdown the lesson text
   * @param lessonFolder the folder relative image paths resolve against
   * @param theme the colours
   * @param zoom the font scale: 1 for normal, larger for presenter mode
   */
  public RenderedLesson render(String markdown, Path lessonFolder, LessonTheme theme, double zoom) {
    Objects.requireNonNull(markdown, "markdown must not be null");
    Objects.requireNonNull(lessonFolder, "lessonFolder must not be null");
    return render(
        markdown, lessonFolder.toAbsolutePath().normalize(), theme, zoom, "Lesson", List.of());
  }

  private RenderedLesson render(
      String markdown,
      Path folder,
      LessonTheme theme,
      double zoom,
      String fallbackTitle,
      List<String> readNotices) {
    Objects.requireNonNull(theme, "theme must not be null");
    if (!(zoom > 0 && zoom <= MAX_ZOOM)) {
      throw new IllegalArgumentException(
          "zoom must be above 0 and at most " + MAX_ZOOM + ", was " + zoom);
    }
    Node document = parser.parse(markdown);
    List<String> pageNotices = new ArrayList<>(readNotices);
    pageNotices.addAll(UnclosedFences.in(document));
    List<String> imageNotices = new ArrayList<>();
    List<RunnableListing> listings = new ArrayList<>();
    List<LessonBlocks.Block> blocks = new ArrayList<>();
    String body = htmlRenderer(folder, imageNotices, listings, blocks).render(document);
    String title = firstH1(document).orElse(fallbackTitle);

    List<String> notices = new ArrayList<>(pageNotices);
    notices.addAll(imageNotices);
    String html = LessonPage.assemble(title, body, pageNotices, theme, zoom);
    return new RenderedLesson(html, notices, title, listings, blocks);
  }

  /** A renderer for one document: the image renderer collects that document's notices. */
  private static HtmlRenderer htmlRenderer(
      Path folder,
      List<String> imageNotices,
      List<RunnableListing> listings,
      List<LessonBlocks.Block> blocks) {
    return HtmlRenderer.builder()
        .extensions(EXTENSIONS)
        // A newline inside a paragraph is a space; WebView on Monocle draws a missing-glyph box
        // for a literal newline at some line ends.
        .softbreak(" ")
        .escapeHtml(true)
        .sanitizeUrls(true)
        .attributeProviderFactory(context -> new CodeBlockLanguage())
        .nodeRendererFactory(context -> new ImageRenderer(context, folder, imageNotices))
        .nodeRendererFactory(context -> new ListingBlockRenderer(context, listings, blocks))
        .build();
  }

  private static Optional<String> firstH1(Node document) {
    String[] title = {null};
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Heading heading) {
            if (title[0] == null && heading.getLevel() == 1) {
              title[0] = PlainText.of(heading);
            }
          }
        });
    return Optional.ofNullable(title[0]).filter(t -> !t.isEmpty());
  }
}

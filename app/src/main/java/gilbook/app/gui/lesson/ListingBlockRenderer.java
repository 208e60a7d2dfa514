package gilbook.app.gui.lesson;

import gilbook.app.engine.LessonBlocks;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Renders {@code ```dis} blocks as code with a "run this listing" link under them, and collects
 * each block (see {@link RunnableListing}) so the view can run the one that was clicked. Renders
 * {@code ```jshell} blocks as Java with a "run this block" link under them, and collects each one
 * as the engine's {@link LessonBlocks} finds it (so the window's block K is the CLI's {@code
 * --block K}). Other fenced blocks are left to the default renderer. Not thread-safe: one per
 * rendered document.
 */
final class ListingBlockRenderer implements NodeRenderer {
  /** The link scheme a click on "run" uses; {@link LessonLink} recognises it. */
  static final String SCHEME = "gilbook-run-listing:";

  /** The link scheme a click on a {@code ```jshell} block's "run" uses. */
  static final String BLOCK_SCHEME = "gilbook-run-block:";

  private final HtmlNodeRendererContext context;
  private final HtmlWriter html;
  private final List<RunnableListing> found;
  private final List<LessonBlocks.Block> blocks;

  ListingBlockRenderer(
      HtmlNodeRendererContext context,
      List<RunnableListing> found,
      List<LessonBlocks.Block> blocks) {
    this.context = context;
    this.html = context.getWriter();
    this.found = found;
    this.blocks = blocks;
  }

  @Override
  public Set<Class<? extends Node>> getNodeTypes() {
    return Set.of(FencedCodeBlock.class);
  }

  @Override
  public void render(Node node) {
    FencedCodeBlock block = (FencedCodeBlock) node;
    if (LessonBlocks.isRunnable(block)) {
      renderJShell(block);
      return;
    }
    String info = block.getInfo() == null ? "" : block.getInfo().strip();
    if (!(info.equals("dis") || info.startsWith("dis "))) {
      defaultRender(block);
      return;
    }
    String options = info.length() > 3 ? info.substring(3).strip() : "{}";
    int index = found.size();
    found.add(new RunnableListing(block.getLiteral(), options.isEmpty() ? "{}" : options));
    html.line();
    html.tag("pre", Map.of("class", "dis-listing"));
    html.tag("code", Map.of("class", "language-plaintext"));
    html.text(block.getLiteral());
    html.tag("/code");
    html.tag("/pre");
    html.line();
    html.tag("p", Map.of("class", "run-listing"));
    html.tag("a", Map.of("href", SCHEME + index, "class", "run-listing-link"));
    html.text("▶ Run this listing on the simulated GIL, and see its timeline");
    html.tag("/a");
    html.tag("/p");
    html.line();
  }

  /** A {@code ```jshell} block: Java code, then its Run link. */
  private void renderJShell(FencedCodeBlock block) {
    LessonBlocks.Block runnable = LessonBlocks.of(block, blocks.size() + 1);
    blocks.add(runnable);
    html.line();
    html.tag("pre", context.extendAttributes(block, "pre", Map.of("class", "jshell-block")));
    html.tag("code", context.extendAttributes(block, "code", Map.of("class", "language-java")));
    html.text(block.getLiteral());
    html.tag("/code");
    html.tag("/pre");
    html.line();
    html.tag("p", Map.of("class", "run-block"));
    html.tag(
        "a",
        Map.of(
            "href", BLOCK_SCHEME + runnable.number(),
            "class", "run-block-link",
            "title", "./gilbook run LESSON.md --block " + runnable.number()));
    html.text("▶ Run this code (block " + runnable.number() + "), and see its output and timeline");
    html.tag("/a");
    html.tag("/p");
    html.line();
  }

  /** The block as commonmark would render it: {@code <pre><code class="language-x">}. */
  private void defaultRender(FencedCodeBlock block) {
    String info = block.getInfo() == null ? "" : block.getInfo().strip();
    String language = info.isEmpty() ? "" : info.split("\\s+")[0];
    html.line();
    html.tag("pre", context.extendAttributes(block, "pre", Map.of()));
    Map<String, String> attrs =
        language.isEmpty() ? Map.of() : Map.of("class", "language-" + language);
    html.tag("code", context.extendAttributes(block, "code", attrs));
    html.text(block.getLiteral());
    html.tag("/code");
    html.tag("/pre");
    html.line();
  }
}

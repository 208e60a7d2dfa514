package gilbook.app.gui.lesson;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;

/**
 * Renders markdown images: a found image as {@code <img>} with an absolute {@code file:} address, a
 * missing one as a visible notice box, which is also added to the lesson's notices. One instance
 * per rendering; not thread-safe.
 */
final class ImageRenderer implements NodeRenderer {
  private final HtmlNodeRendererContext context;
  private final Path lessonFolder;
  private final List<String> notices;

  ImageRenderer(HtmlNodeRendererContext context, Path lessonFolder, List<String> notices) {
    this.context = context;
    this.lessonFolder = lessonFolder;
    this.notices = notices;
  }

  @Override
  public Set<Class<? extends Node>> getNodeTypes() {
    return Set.of(Image.class);
  }

  @Override
  public void render(Node node) {
    Image image = (Image) node;
    LessonImage resolved = LessonImage.resolve(image.getDestination(), lessonFolder);
    if (!resolved.found()) {
      notices.add(resolved.notice());
      context.getWriter().raw(Html.noticeBox("span", resolved.notice()));
      return;
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("src", resolved.url());
    attributes.put("alt", PlainText.of(image));
    if (image.getTitle() != null) {
      attributes.put("title", image.getTitle());
    }
    context.getWriter().tag("img", context.extendAttributes(image, "img", attributes), true);
  }
}

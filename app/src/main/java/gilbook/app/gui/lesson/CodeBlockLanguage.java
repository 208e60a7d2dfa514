package gilbook.app.gui.lesson;

import java.util.Map;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.renderer.html.AttributeProvider;

/**
 * Marks code blocks that name no language as {@code language-plaintext}, so highlight.js styles
 * them like the others instead of guessing a language. Stateless and thread-safe.
 */
final class CodeBlockLanguage implements AttributeProvider {

  @Override
  public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
    boolean codeBlock = node instanceof FencedCodeBlock || node instanceof IndentedCodeBlock;
    if (codeBlock && tagName.equals("code") && !attributes.containsKey("class")) {
      attributes.put("class", "language-plaintext");
    }
  }
}

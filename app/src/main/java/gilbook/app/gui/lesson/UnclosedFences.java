package gilbook.app.gui.lesson;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;

/**
 * Finds code fences that are never closed. CommonMark accepts them and turns the rest of the
 * container, often the rest of the lesson, into code, so an author deserves a word about it.
 * Stateless and thread-safe.
 */
final class UnclosedFences {
  private UnclosedFences() {}

  /** Returns one notice per unclosed fence in {@code document}, parsed with block source spans. */
  static List<String> in(Node document) {
    List<String> notices = new ArrayList<>();
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(FencedCodeBlock block) {
            if (block.getClosingFenceLength() == null) {
              notices.add(
                  "the code block that opens at line "
                      + firstLine(block)
                      + " is never closed, so everything after it shows as code; add a closing "
                      + block.getFenceCharacter().repeat(block.getOpeningFenceLength()));
            }
          }
        });
    return notices;
  }

  private static String firstLine(Node node) {
    return node.getSourceSpans().isEmpty()
        ? "?"
        : String.valueOf(node.getSourceSpans().get(0).getLineIndex() + 1);
  }
}

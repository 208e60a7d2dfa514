package gilbook.app.gui.lesson;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/** The plain text inside a markdown node, for titles and alt text. Stateless and thread-safe. */
final class PlainText {
  private PlainText() {}

  /** Returns the text of {@code node}'s descendants, without markup. */
  static String of(Node node) {
    StringBuilder text = new StringBuilder();
    node.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Text t) {
            text.append(t.getLiteral());
          }

          @Override
          public void visit(Code code) {
            text.append(code.getLiteral());
          }

          @Override
          public void visit(SoftLineBreak softLineBreak) {
            text.append(' ');
          }

          @Override
          public void visit(HardLineBreak hardLineBreak) {
            text.append(' ');
          }
        });
    return text.toString().strip();
  }
}

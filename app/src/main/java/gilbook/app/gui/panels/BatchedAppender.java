package gilbook.app.gui.panels;

import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.control.TextArea;

/**
 * Appends text from any thread to a text area, in the order it was given. Text given while the FX
 * thread is busy waits and goes in with the rest in one append, so a snippet printing in a tight
 * loop costs one FX task per batch, not one per line; only the last {@code maxChars} characters are
 * kept, so it cannot freeze the window either. Thread-safe.
 */
final class BatchedAppender implements Consumer<String> {
  private final TextArea area;
  private final int maxChars;
  private final StringBuilder pending = new StringBuilder();

  BatchedAppender(TextArea area, int maxChars) {
    this.area = area;
    this.maxChars = maxChars;
  }

  @Override
  public void accept(String text) {
    if (text.isEmpty()) {
      return;
    }
    boolean first;
    synchronized (this) {
      first = pending.length() == 0;
      pending.append(text);
      if (pending.length() > maxChars) {
        pending.delete(0, pending.length() - maxChars);
      }
    }
    if (first) {
      Platform.runLater(this::drain);
    }
  }

  private void drain() {
    String text;
    synchronized (this) {
      text = pending.toString();
      pending.setLength(0);
    }
    area.appendText(text);
    if (area.getLength() > maxChars) {
      area.deleteText(0, area.getLength() - maxChars);
    }
  }
}

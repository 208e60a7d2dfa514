package gilbook.app.gui.timeline;

import javafx.scene.text.Font;
import javafx.scene.text.Text;

/** Measures text for drawing on a canvas. FX-thread only. */
final class TextMeasure {
  private final Text text = new Text();

  /** The width of {@code s} drawn in {@code font}, in pixels. */
  double width(String s, Font font) {
    text.setFont(font);
    text.setText(s);
    return text.getLayoutBounds().getWidth();
  }
}

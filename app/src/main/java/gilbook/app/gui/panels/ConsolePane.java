package gilbook.app.gui.panels;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import javafx.application.Platform;
import javafx.scene.control.TextArea;

/**
 * The output of the last run, streamed as it arrives. Bytes from the worker are decoded and
 * appended on the FX thread in batches, and the text is capped so megabytes of output cannot freeze
 * the window.
 */
public final class ConsolePane extends TextArea {
  private static final int MAX_CHARS = 200_000;

  public ConsolePane() {
    setEditable(false);
    setWrapText(false);
    getStyleClass().add("console");
    setPromptText("Output of Run (Ctrl+Enter) appears here.");
  }

  /** Clears the console (FX thread). */
  public void reset(String header) {
    setText(header.isEmpty() ? "" : header + "\n");
  }

  /** Appends text (FX thread), dropping the oldest text past the cap. */
  public void print(String text) {
    appendText(text);
    if (getLength() > MAX_CHARS) {
      deleteText(0, getLength() - MAX_CHARS);
    }
  }

  /** A stream that any thread may write the worker's bytes to. */
  public OutputStream stream() {
    return new OutputStream() {
      private final StringBuilder pending = new StringBuilder();
      private final java.io.ByteArrayOutputStream partial = new java.io.ByteArrayOutputStream();

      @Override
      public synchronized void write(int b) {
        partial.write(b);
        if (b == '\n') {
          flush();
        }
      }

      @Override
      public synchronized void write(byte[] b, int off, int len) {
        partial.write(b, off, len);
        flush();
      }

      @Override
      public synchronized void flush() {
        String text = partial.toString(StandardCharsets.UTF_8);
        partial.reset();
        if (text.isEmpty()) {
          return;
        }
        boolean first = pending.length() == 0;
        pending.append(text);
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
        print(text);
      }
    };
  }
}

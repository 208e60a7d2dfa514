package gilbook.app.gui.panels;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
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

  /**
   * A stream that any thread may write the worker's bytes to. A character split between two writes
   * (UTF-8 takes up to four bytes) is decoded whole, once its last byte arrives.
   */
  public OutputStream stream() {
    return new OutputStream() {
      private final StringBuilder pending = new StringBuilder();
      private final CharsetDecoder decoder =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPLACE)
              .onUnmappableCharacter(CodingErrorAction.REPLACE);
      private final ByteBuffer undecoded = ByteBuffer.allocate(8192);
      private final CharBuffer decoded = CharBuffer.allocate(8192);

      @Override
      public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public synchronized void write(byte[] b, int off, int len) {
        while (len > 0) {
          int n = Math.min(len, undecoded.remaining());
          undecoded.put(b, off, n);
          off += n;
          len -= n;
          undecoded.flip();
          CoderResult result;
          do {
            result = decoder.decode(undecoded, decoded, false);
            decoded.flip();
            append(decoded.toString());
            decoded.clear();
          } while (result.isOverflow());
          undecoded.compact(); // keeps the bytes of a character not yet complete
        }
      }

      private void append(String text) {
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

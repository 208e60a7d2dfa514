package gilbook.app.engine;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * An output stream that decodes UTF-8 and hands the text to a consumer as it arrives. A character
 * split between two writes (UTF-8 takes up to four bytes) is handed over whole, once its last byte
 * arrives; malformed bytes become U+FFFD rather than an error. Thread-safe: writes are serialised,
 * so the consumer sees the text in the order it was written.
 */
public final class Utf8TextStream extends OutputStream {
  private final Consumer<String> text;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE);
  private final ByteBuffer undecoded = ByteBuffer.allocate(8192);
  private final CharBuffer decoded = CharBuffer.allocate(8192);

  public Utf8TextStream(Consumer<String> text) {
    this.text = Objects.requireNonNull(text, "text must not be null");
  }

  @Override
  public void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) {
    Objects.checkFromIndexSize(off, len, b.length);
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
        if (decoded.hasRemaining()) {
          text.accept(decoded.toString());
        }
        decoded.clear();
      } while (result.isOverflow());
      undecoded.compact(); // keeps the bytes of a character not yet complete
    }
  }
}

package gilbook.app.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Streams a child's bytes into a command's writer, decoding UTF-8 as it goes. */
final class WriterOutputStream extends OutputStream {
  private final PrintWriter out;
  private final java.nio.charset.CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
  private final java.nio.ByteBuffer pending = java.nio.ByteBuffer.allocate(16);

  WriterOutputStream(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) {
    java.nio.ByteBuffer in = java.nio.ByteBuffer.allocate(pending.position() + len);
    pending.flip();
    in.put(pending).put(b, off, len).flip();
    pending.clear();
    java.nio.CharBuffer chars = java.nio.CharBuffer.allocate(in.remaining() + 1);
    decoder.decode(in, chars, false);
    pending.put(in); // an incomplete UTF-8 sequence waits for its next bytes
    chars.flip();
    out.print(chars);
  }

  @Override
  public void flush() {
    out.flush();
  }
}

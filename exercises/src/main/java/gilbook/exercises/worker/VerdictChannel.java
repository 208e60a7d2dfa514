package gilbook.exercises.worker;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The only way a worker's verdict reaches its parent: a connection to a Unix-domain socket the
 * parent listens on, made before any learner code runs.
 *
 * <p>Notes. The parent sends a one-time key on the worker's standard input; the worker connects at
 * once and presents it, and the parent then accepts no other connection and removes the socket's
 * file. So by the time learner code runs, the key opens nothing, and the one connection that counts
 * is held by this object, inside the worker's closed module (see {@link Encapsulation}). A socket
 * cannot be reopened through {@code /proc/self/fd}, and nothing a snippet writes to a file, to the
 * console or to another socket is read as a verdict. Earlier designs wrote the verdict to a file
 * with the secret in it, which a stray thread could read and rewrite between the write and the
 * worker's exit.
 */
final class VerdictChannel {
  private final SocketChannel channel;

  private VerdictChannel(SocketChannel channel) {
    this.channel = channel;
  }

  /** Connects to the parent's socket at {@code socket} and presents {@code key}. */
  static VerdictChannel connect(Path socket, String key) throws IOException {
    SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      ch.connect(UnixDomainSocketAddress.of(socket));
      writeAll(ch, (key + "\n").getBytes(StandardCharsets.US_ASCII));
    } catch (IOException e) {
      ch.close();
      throw e;
    }
    return new VerdictChannel(ch);
  }

  /** Sends the verdict and closes the connection. */
  void send(byte[] verdict) throws IOException {
    try (SocketChannel ch = channel) {
      writeAll(ch, verdict);
      ch.shutdownOutput();
    }
  }

  private static void writeAll(SocketChannel ch, byte[] bytes) throws IOException {
    ByteBuffer buf = ByteBuffer.wrap(bytes);
    while (buf.hasRemaining()) {
      ch.write(buf);
    }
  }
}

package gilbook.app.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Where one worker's verdict arrives: a Unix-domain socket that accepts exactly one connection, the
 * first to present the launch's one-time key (sent on the worker's standard input), and then stops
 * listening and removes its file. The worker connects before it runs any learner code, so learner
 * code finds nothing left to connect to, and the key it might dig out of memory opens nothing.
 * Whatever the worker sends before it closes the connection is its verdict; nothing else (its
 * output, a file at the socket's path) is.
 *
 * <p>A connection that presents a wrong key (say, a process left over from an earlier check that
 * found the socket) is dropped, and the next one is awaited. Thread-safe.
 */
final class VerdictInbox {
  /** A verdict larger than this is not one (a dis run's data is the largest, well under it). */
  private static final int MAX_BYTES = 32 << 20;

  /** Wrong keys tolerated before the inbox stops listening. */
  private static final int MAX_WRONG_KEYS = 8;

  private static final long GRACE_MILLIS = 200;

  private final Path socket;
  private final String key;
  private final ServerSocketChannel server;
  private final Thread reader;

  /** A connection was accepted (its key may still be unread). */
  private volatile boolean accepted;

  private volatile boolean connected;
  private volatile byte[] verdict;

  private VerdictInbox(Path socket, String key, ServerSocketChannel server) {
    this.socket = socket;
    this.key = key;
    this.server = server;
    this.reader = new Thread(this::receive, "gilbook-verdict-inbox");
    reader.setDaemon(true);
  }

  /** Listens at {@code socket} for the worker that will present {@code key}. */
  static VerdictInbox open(Path socket, String key) {
    try {
      ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
      server.bind(UnixDomainSocketAddress.of(socket), 1);
      VerdictInbox inbox = new VerdictInbox(socket, key, server);
      inbox.reader.start();
      return inbox;
    } catch (IOException | UnsupportedOperationException e) {
      throw new EngineException(
          "could not open a socket for the worker's verdict: " + e.getMessage(), e);
    }
  }

  private void receive() {
    try {
      for (int wrong = 0; wrong < MAX_WRONG_KEYS; wrong++) {
        SocketChannel ch = server.accept();
        accepted = true;
        if (!key.equals(readKey(ch))) {
          ch.close();
          continue;
        }
        stopListening();
        connected = true;
        try (ch) {
          verdict = readAll(ch);
        }
        return;
      }
    } catch (IOException e) {
      // closed by close(), or the worker went away: no verdict
    } finally {
      stopListening();
    }
  }

  private static String readKey(SocketChannel ch) throws IOException {
    StringBuilder line = new StringBuilder();
    ByteBuffer one = ByteBuffer.allocate(1);
    while (line.length() <= 128) {
      one.clear();
      if (ch.read(one) < 0) {
        return null;
      }
      char c = (char) one.get(0);
      if (c == '\n') {
        return line.toString();
      }
      line.append(c);
    }
    return null;
  }

  private static byte[] readAll(SocketChannel ch) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
    int n;
    while ((n = ch.read(buf)) >= 0) {
      if (out.size() + n > MAX_BYTES) {
        return null;
      }
      out.write(buf.array(), 0, n);
      buf.clear();
    }
    return out.toByteArray();
  }

  private void stopListening() {
    try {
      server.close();
    } catch (IOException e) {
      // already closed
    }
    try {
      Files.deleteIfExists(socket);
    } catch (IOException e) {
      // the temporary folder is removed with it
    }
  }

  /**
   * The verdict, once the worker has ended: waits for the rest of a connection that was made (it
   * ends when the worker does), and gives up soon on one that never was.
   */
  Optional<byte[]> verdict() {
    try {
      if (!accepted) {
        // A dead worker's connection is in the backlog if anywhere: a moment to pick it up.
        reader.join(GRACE_MILLIS);
      }
      if (accepted) {
        reader.join(TimeUnit.SECONDS.toMillis(10));
      }
      close();
      reader.join(GRACE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return Optional.ofNullable(verdict);
  }

  /** Stops listening; a verdict being read is dropped. */
  void close() {
    stopListening();
    if (!connected) {
      reader.interrupt(); // also ends a read from a connection that never gave the key
    }
  }
}

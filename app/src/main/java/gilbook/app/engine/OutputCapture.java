package gilbook.app.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Drains a child process's output on its own thread, keeping the first {@code limit} bytes and
 * counting the rest, so that megabytes of learner output neither block the child nor flood the
 * terminal. Optionally echoes what it keeps as it arrives. Thread-safe.
 */
final class OutputCapture {
  private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
  private final int limit;
  private final OutputStream echo;
  private final Thread thread;
  private long dropped;

  OutputCapture(InputStream in, int limit, OutputStream echo, String name) {
    this.limit = limit;
    this.echo = echo;
    this.thread = new Thread(() -> drain(in), name);
    thread.setDaemon(true);
    thread.start();
  }

  private void drain(InputStream in) {
    byte[] buf = new byte[8192];
    try (in) {
      int n;
      while ((n = in.read(buf)) > 0) {
        synchronized (this) {
          int room = (int) Math.max(0, limit - kept.size());
          int keep = Math.min(room, n);
          kept.write(buf, 0, keep);
          dropped += n - keep;
          if (echo != null && keep > 0) {
            echo.write(buf, 0, keep);
            echo.flush();
          }
        }
      }
    } catch (IOException e) {
      // The child died or was killed; what we have is what there is.
    }
  }

  /** Waits briefly for the last bytes after the process has ended. */
  void finish() {
    try {
      thread.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  synchronized String text() {
    return kept.toString(StandardCharsets.UTF_8);
  }

  synchronized long droppedBytes() {
    return dropped;
  }
}

package gilbook.app.cli;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Notices when one file changes: by file-system events, or by polling its size, time and content
 * where events are unreliable (network folders, some containers). Either way a change is noticed
 * within a few hundred milliseconds. Not thread-safe.
 */
final class FileWatcher implements AutoCloseable {
  private static final long POLL_MILLIS = 200;

  private final Path file;
  private final WatchService service;
  private byte[] lastContent;

  FileWatcher(Path file, boolean poll) throws IOException {
    this.file = file.toAbsolutePath();
    this.lastContent = read();
    if (poll) {
      service = null;
    } else {
      service = FileSystems.getDefault().newWatchService();
      this.file
          .getParent()
          .register(
              service,
              StandardWatchEventKinds.ENTRY_MODIFY,
              StandardWatchEventKinds.ENTRY_CREATE,
              StandardWatchEventKinds.ENTRY_DELETE);
    }
  }

  /**
   * Waits up to {@code millis} for the file's content to change.
   *
   * @return whether it changed
   */
  boolean awaitChange(long millis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (System.nanoTime() < deadline) {
      if (service != null) {
        WatchKey key;
        try {
          key = service.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
        } catch (ClosedWatchServiceException e) {
          return false;
        }
        if (key != null) {
          for (WatchEvent<?> event : key.pollEvents()) {
            // events name the file relative to the watched folder; editors also write temp files
            if (event.context() instanceof Path p && !file.getFileName().equals(p)) {
              continue;
            }
          }
          key.reset();
        }
      } else {
        Thread.sleep(POLL_MILLIS);
      }
      // Compare content either way: an event is only a reason to look, and editors often save
      // in several steps.
      byte[] now = read();
      if (!Arrays.equals(now, lastContent)) {
        Thread.sleep(50); // let the editor finish writing
        lastContent = read();
        return true;
      }
    }
    return false;
  }

  private byte[] read() {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      return new byte[0];
    }
  }

  @Override
  public void close() throws IOException {
    if (service != null) {
      service.close();
    }
  }
}

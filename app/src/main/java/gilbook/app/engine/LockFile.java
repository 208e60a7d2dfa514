package gilbook.app.engine;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An exclusive lock that holds across processes and across the threads of one JVM, for a short
 * read-change-write of a file beside it.
 *
 * <p>Notes on the two locks it takes:
 *
 * <ul>
 *   <li>Across processes: an operating-system lock on a small file that is never deleted (deleting
 *       a lock file lets a late process lock a file nobody else will look at). The system drops the
 *       lock when its process dies, so a crash never leaves it held.
 *   <li>Across threads: the operating system gives the lock to the whole JVM, and a second {@code
 *       FileChannel.lock} from another thread throws {@link OverlappingFileLockException} instead
 *       of waiting. So each lock file also has one {@link ReentrantLock} per JVM, taken first.
 * </ul>
 *
 * <p>It is not reentrant: a thread that already holds it gets an {@link IllegalStateException}.
 * Waiting is bounded: after {@link #PATIENCE} it gives up with a message rather than hang.
 *
 * <p>Thread-safe.
 */
final class LockFile {
  /** Something that runs while the lock is held. */
  interface Action<T> {
    T run() throws IOException;
  }

  /** How long to wait for another holder; a holder keeps the lock for milliseconds. */
  static final Duration PATIENCE = Duration.ofSeconds(30);

  private static final ConcurrentMap<Path, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();

  private final Path path;
  private final ReentrantLock local;

  LockFile(Path path) {
    this.path = path.toAbsolutePath().normalize();
    this.local = IN_THIS_JVM.computeIfAbsent(this.path, p -> new ReentrantLock());
  }

  /** Runs {@code action} while holding the lock, and returns what it returns. */
  <T> T hold(Action<T> action) throws IOException {
    if (local.isHeldByCurrentThread()) {
      throw new IllegalStateException(
          "this thread already holds " + path + "; it is not reentrant");
    }
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    try {
      if (!local.tryLock(PATIENCE.toNanos(), TimeUnit.NANOSECONDS)) {
        throw busy();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for " + path);
    }
    try {
      Files.createDirectories(path.getParent());
      try (FileChannel channel =
              FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock held = acquire(channel, deadline)) {
        return action.run();
      }
    } finally {
      local.unlock();
    }
  }

  private FileLock acquire(FileChannel channel, long deadline) throws IOException {
    long pauseMillis = 1;
    while (true) {
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException sameJvm) {
        // This JVM reached the same file by another path (a link), so the per-path lock above
        // did not keep the other thread out: wait for it as for another process.
        lock = null;
      }
      if (lock != null) {
        return lock;
      }
      if (System.nanoTime() - deadline > 0) {
        throw busy();
      }
      try {
        Thread.sleep(pauseMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting for " + path);
      }
      pauseMillis = Math.min(pauseMillis * 2, 25);
    }
  }

  private EngineException busy() {
    return new EngineException(
        "another gilbook process has held "
            + path
            + " for over "
            + PATIENCE.toSeconds()
            + " s, so your progress was not changed. Close other gilbook windows and commands"
            + " (the lock is freed when they end) and try again.");
  }
}

package gilbook.app.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that readers, and a crash, only ever see the old or the new content: the text
 * goes to a temporary file beside it, which is then moved over the old one.
 *
 * <p>Each write has a temporary file of its own, so two processes (or threads) writing the same
 * file at once never write into one temporary file; the last move wins whole. Thread-safe.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Replaces {@code file}'s content with {@code text} (UTF-8), creating its folder if needed. */
  public static void writeString(Path file, String text) throws IOException {
    write(file, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Replaces {@code file}'s content with {@code bytes}, creating its folder if needed. */
  public static void write(Path file, byte[] bytes) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path tmp = createTemporary(file);
    try {
      Files.write(tmp, bytes, StandardOpenOption.WRITE);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      // Gone after a successful move; after a failed write, a unique name would pile up.
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * A new, empty file beside {@code file} with a name no other write uses. Not {@code
   * Files.createTempFile}: that makes the file readable by its owner only, and the move would hand
   * those permissions to the learner's file; this one gets the usual ones, as a plain write would.
   */
  private static Path createTemporary(Path file) throws IOException {
    while (true) {
      String unique = Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
      Path tmp = file.resolveSibling("." + file.getFileName() + "." + unique + ".saving");
      try {
        return Files.createFile(tmp);
      } catch (FileAlreadyExistsException taken) {
        // another write picked the same name: draw again
      }
    }
  }
}

package gilbook.app.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * Which version of a file is on disk, cheaply: its identity (the inode, where the system has one),
 * last-modified time and size. Every {@link AtomicFiles} write makes a new file, so a write changes
 * the identity even when the time and the size look the same. Immutable, so thread-safe.
 */
record FileStamp(Object key, FileTime modified, long size) {
  /** The stamp of a file that does not exist. */
  static final FileStamp ABSENT = new FileStamp(null, null, -1);

  /**
   * The stamp of {@code file} now, or {@link #ABSENT}.
   *
   * @throws IOException when the file's attributes cannot be read (not when it is missing)
   */
  static FileStamp of(Path file) throws IOException {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return new FileStamp(a.fileKey(), a.lastModifiedTime(), a.size());
    } catch (NoSuchFileException e) {
      return ABSENT;
    }
  }
}

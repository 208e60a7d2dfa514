package gilbook.app.engine;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A class-data-sharing archive for worker JVMs, which roughly halves their start-up (JShell, JUnit
 * and Jackson classes load from the archive instead of being parsed and verified each time).
 *
 * <p>The first worker records the archive as it exits ({@code -XX:ArchiveClassesAtExit}); later
 * ones map it ({@code -XX:SharedArchiveFile}). A JVM silently ignores an archive whose class path
 * or jar timestamps differ, so the archive's name is a hash of the JDK, the class path, the module
 * path (the worker's own code and JUnit are named modules, see {@link WorkerModules}) and every
 * jar's size and time: a rebuild, another JDK or another layout simply gets a fresh archive. An
 * archive maps classes from the module path as well as from the class path. Thread-safe: a
 * recording is written under a unique name and moved into place whole.
 */
final class ClassDataSharing {
  private final Path directory;

  ClassDataSharing(Path directory) {
    this.directory = directory;
  }

  /** The JVM options for the next worker, and what to do when it has exited. */
  record Plan(List<String> options, Path recording, Path archive) {
    /** Moves a finished recording into place; harmless when there was none. */
    void commit(boolean workerSucceeded) {
      if (recording == null) {
        return;
      }
      try {
        if (workerSucceeded && Files.size(recording) > 0) {
          Files.move(recording, archive, StandardCopyOption.ATOMIC_MOVE);
        }
      } catch (IOException e) {
        // another worker won the race, or the dump failed: the next worker tries again
      } finally {
        try {
          Files.deleteIfExists(recording);
        } catch (IOException ignored) {
          // a stale recording is only disk space
        }
      }
    }
  }

  /**
   * Whether an archive can be used with these paths at all: the JVM refuses to record one when a
   * folder of classes is on them (as in a development build).
   */
  static boolean supports(String classPath, String modulePath) {
    for (String entry : (classPath + File.pathSeparator + modulePath).split(File.pathSeparator)) {
      if (!entry.endsWith(".jar") || new File(entry).isDirectory()) {
        return false;
      }
    }
    return true;
  }

  Plan plan(String classPath, String modulePath, String uniqueSuffix) {
    String layout = classPath + File.pathSeparator + "--module-path=" + modulePath;
    Path archive = directory.resolve("worker-" + fingerprint(layout) + ".jsa");
    List<String> quiet = List.of("-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    if (Files.isRegularFile(archive)) {
      return new Plan(
          Stream.concat(Stream.of("-XX:SharedArchiveFile=" + archive), quiet.stream()).toList(),
          null,
          archive);
    }
    try {
      Files.createDirectories(directory);
      removeStale(archive);
    } catch (IOException e) {
      return new Plan(quiet, null, archive); // no cache folder: run without an archive
    }
    Path recording = directory.resolve("worker-recording-" + uniqueSuffix + ".jsa");
    return new Plan(
        Stream.concat(Stream.of("-XX:ArchiveClassesAtExit=" + recording), quiet.stream()).toList(),
        recording,
        archive);
  }

  private void removeStale(Path keep) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        String name = p.getFileName().toString();
        if (name.startsWith("worker-")
            && name.endsWith(".jsa")
            && !p.equals(keep)
            && !name.startsWith("worker-recording-")) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  static String fingerprint(String classPath) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(System.getProperty("java.home").getBytes(StandardCharsets.UTF_8));
      sha.update(System.getProperty("java.vm.version").getBytes(StandardCharsets.UTF_8));
      sha.update(classPath.getBytes(StandardCharsets.UTF_8));
      for (String entry : classPath.split(File.pathSeparator)) {
        File f = new File(entry);
        sha.update((f.length() + ":" + f.lastModified() + ";").getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(sha.digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}

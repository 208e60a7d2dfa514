package gilbook.exercises.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A submission kept to prove an exercise's grader right. Files under {@code wrong/<id>/} make one
 * mistake each (one the lesson warns about, or a trick such as a hard-coded answer) and must fail;
 * files under {@code right/<id>/} solve the exercise in another style and must pass. Each begins
 * with a comment saying which: {@code // WRONG: what it gets wrong} or {@code // RIGHT: its style}.
 *
 * <p>Wrong files named {@code forge-*.jsh} attack the grading itself (they end the JVM, reach into
 * the worker, fake its answer). They are graded only through a real worker JVM, as a learner's file
 * is: the app's {@code ForgeryTests} in {@code mvn verify}, and {@code gilbook verify}. Graded in
 * the JVM that verifies, the first {@code System.exit} would end the verification itself.
 * Immutable.
 *
 * @param path the file
 * @param shouldPass whether it is a right one
 * @param label what its first line says it gets wrong, or its style; empty when it has no label
 */
public record CorpusFile(Path path, boolean shouldPass, String label) {
  /** Where the corpora live, relative to the workbook root. */
  public static final String DIR = "exercises/src/test/resources";

  static final String WRONG = "wrong";
  static final String RIGHT = "right";

  /** The corpus of exercise {@code id}: wrong files first, each side sorted by name. */
  public static List<CorpusFile> of(Path root, String id) {
    List<CorpusFile> out = new ArrayList<>();
    out.addAll(read(root.resolve(DIR).resolve(WRONG).resolve(id), false));
    out.addAll(read(root.resolve(DIR).resolve(RIGHT).resolve(id), true));
    return out;
  }

  /** The exercise ids that have a corpus folder, on either side. */
  static List<String> ids(Path root) {
    List<String> out = new ArrayList<>();
    for (String side : List.of(WRONG, RIGHT)) {
      Path dir = root.resolve(DIR).resolve(side);
      if (Files.isDirectory(dir)) {
        try (Stream<Path> dirs = Files.list(dir)) {
          dirs.filter(Files::isDirectory)
              .map(p -> p.getFileName().toString())
              .filter(id -> !out.contains(id))
              .forEach(out::add);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return out;
  }

  /** Whether only a real worker JVM may grade this file (see the class notes). */
  public boolean throughAWorkerOnly() {
    return !shouldPass && path.getFileName().toString().startsWith("forge-");
  }

  /** The comment that must open the file: {@code // WRONG:} or {@code // RIGHT:}. */
  String marker() {
    return "// " + (shouldPass ? "RIGHT" : "WRONG") + ":";
  }

  /** The file as the authoring contract names it: {@code wrong/ID/NAME.jsh}. */
  public String display() {
    Path p = path;
    return p.getParent().getParent().getFileName()
        + "/"
        + p.getParent().getFileName()
        + "/"
        + p.getFileName();
  }

  private static List<CorpusFile> read(Path dir, boolean shouldPass) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".jsh"))
          .sorted()
          .map(p -> new CorpusFile(p, shouldPass, label(p, shouldPass).orElse("")))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Optional<String> label(Path file, boolean shouldPass) {
    String marker = "// " + (shouldPass ? "RIGHT" : "WRONG") + ":";
    try (Stream<String> lines = Files.lines(file)) {
      return lines
          .findFirst()
          .map(String::strip)
          .filter(l -> l.startsWith(marker))
          .map(l -> l.substring(marker.length()).strip())
          .filter(l -> !l.isEmpty());
    } catch (IOException | UncheckedIOException e) {
      return Optional.empty();
    }
  }
}

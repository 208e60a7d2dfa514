package gilbook.app.gui.lesson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds the workbook's chapters folder from wherever the tests run. */
final class Chapters {
  private Chapters() {}

  /** The file of chapter 1, which the tests render. */
  static Path chapter1() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("chapters").resolve("01-why-the-gil.md");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "chapters/01-why-the-gil.md not found above " + Path.of("").toAbsolutePath());
  }

  /** Every lesson: the .md files beside chapter 1, in order. */
  static List<Path> all() throws IOException {
    try (Stream<Path> files = Files.list(chapter1().getParent())) {
      return files.filter(f -> f.getFileName().toString().endsWith(".md")).sorted().toList();
    }
  }
}

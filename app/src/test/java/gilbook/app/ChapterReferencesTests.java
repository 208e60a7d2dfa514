package gilbook.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gilbook.app.engine.Workbook;
import gilbook.exercises.manifest.Chapter;
import gilbook.exercises.manifest.Exercise;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A lesson, an exercise or a hint that says "see chapter 9" when the workbook has no chapter 9
 * sends the learner nowhere. Every "chapter N" (also "chapters 2 and 3", "chapters 9–10") in the
 * lessons, the shipped exercise files, the solutions and the hints names a chapter in the manifest.
 */
class ChapterReferencesTests {
  /** "chapter 3", "Chapters 2, 3 and 10", "chapters 9-10" / "9–10": every number in the run. */
  private static final Pattern REFERENCE =
      Pattern.compile(
          "\\bchapters?\\s+(\\d+(?:\\s*(?:,|and|or|to|-|–|—)\\s*\\d+)*)", Pattern.CASE_INSENSITIVE);

  private static final Pattern NUMBER = Pattern.compile("\\d+");

  static List<Integer> referencedChapters(String text) {
    List<Integer> out = new ArrayList<>();
    Matcher m = REFERENCE.matcher(text);
    while (m.find()) {
      Matcher n = NUMBER.matcher(m.group(1));
      while (n.find()) {
        out.add(Integer.parseInt(n.group()));
      }
    }
    return out;
  }

  @Test
  void theReferencePatternFindsEveryFormWeWrite() {
    assertEquals(List.of(3), referencedChapters("as chapter 3 shows"));
    assertEquals(List.of(2, 3), referencedChapters("Chapters 2 and 3 cover it"));
    assertEquals(List.of(9, 10), referencedChapters("see chapters 9–10"));
    assertEquals(List.of(1, 7, 8), referencedChapters("chapters 1, 7 and 8"));
    assertEquals(List.of(), referencedChapters("this chapter explains 3 rules"));
  }

  @Test
  void everyChapterReferenceNamesAChapterThatExists() throws IOException {
    Path root = TempWorkbook.REAL_ROOT;
    Set<Integer> chapters;
    List<Exercise> exercises;
    try (Workbook workbook = Workbook.open(root)) {
      chapters =
          workbook.manifest().chapters().stream()
              .map(Chapter::id)
              .map(Integer::parseInt)
              .collect(Collectors.toSet());
      exercises = workbook.manifest().exercises();
    }
    TreeMap<String, List<Integer>> dangling = new TreeMap<>();
    for (Path file : texts(root)) {
      check(root.relativize(file).toString(), Files.readString(file), chapters, dangling);
    }
    for (Exercise e : exercises) {
      for (int i = 0; i < e.hints().size(); i++) {
        check("hint " + (i + 1) + " of " + e.id(), e.hints().get(i), chapters, dangling);
      }
    }
    assertEquals(
        new TreeMap<>(),
        dangling,
        "references to chapters that the manifest does not have (it has " + chapters + ")");
  }

  private static void check(
      String where, String text, Set<Integer> chapters, TreeMap<String, List<Integer>> dangling) {
    List<Integer> missing =
        referencedChapters(text).stream().filter(n -> !chapters.contains(n)).toList();
    if (!missing.isEmpty()) {
      dangling.put(where, missing);
    }
  }

  private static List<Path> texts(Path root) throws IOException {
    List<Path> out = new ArrayList<>();
    for (String dir : List.of("chapters", "solutions", "exercises/src/main/resources/stubs")) {
      try (Stream<Path> files = Files.walk(root.resolve(dir))) {
        files
            .filter(Files::isRegularFile)
            .filter(p -> p.toString().matches(".*\\.(md|jsh|stub)$"))
            .forEach(out::add);
      }
    }
    return out;
  }
}

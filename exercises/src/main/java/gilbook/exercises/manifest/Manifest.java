package gilbook.exercises.manifest;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The workbook's table of contents: {@code exercises/manifest.yaml}, read with Jackson. It lists
 * the chapters in order, each with its lesson and exercises, and each exercise with its contract,
 * checks, time limit and hints. Immutable and thread-safe.
 */
public record Manifest(List<Chapter> chapters) {

  /** Where the manifest lives, relative to the workbook root. */
  public static final String FILE = "exercises/manifest.yaml";

  @JsonCreator
  public Manifest(@JsonProperty("chapters") List<Chapter> chapters) {
    this.chapters = chapters == null ? List.of() : List.copyOf(chapters);
  }

  /**
   * Reads and checks the manifest of the workbook at {@code root}.
   *
   * @throws ManifestException naming the file, the problem and the fix
   */
  public static Manifest load(Path root) {
    Path file = root.resolve(FILE);
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new ManifestException(
          "no manifest at "
              + file
              + ". Run gilbook from the workbook folder (the one with exercises/ and chapters/).");
    } catch (IOException e) {
      throw new ManifestException("could not read " + file + ": " + e.getMessage(), e);
    }
    return parse(text, file.toString());
  }

  /** Parses manifest text; {@code source} names it in errors. */
  public static Manifest parse(String text, String source) {
    ObjectMapper yaml =
        new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    Manifest manifest;
    try {
      manifest = yaml.readValue(text, Manifest.class);
    } catch (JsonProcessingException e) {
      throw new ManifestException(
          source + " is not a valid manifest: " + e.getOriginalMessage() + locate(e), e);
    }
    if (manifest == null) {
      throw new ManifestException(source + " is empty; it must list the chapters.");
    }
    List<String> problems = manifest.problems();
    if (!problems.isEmpty()) {
      throw new ManifestException(
          source + " has problems:\n  - " + String.join("\n  - ", problems));
    }
    return manifest;
  }

  private static String locate(JsonProcessingException e) {
    return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
  }

  /** What is wrong with the manifest's own content (not with the files it names). */
  List<String> problems() {
    List<String> problems = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    if (chapters.isEmpty()) {
      problems.add("there are no chapters");
    }
    for (Chapter c : chapters) {
      String where = "chapter " + c.id();
      require(problems, c.id(), where + ": id");
      require(problems, c.title(), where + ": title");
      require(problems, c.lesson(), where + ": lesson");
      for (Exercise e : c.exercises()) {
        String at = where + ", exercise " + e.id();
        require(problems, e.id(), at + ": id");
        require(problems, e.title(), at + ": title");
        require(problems, e.contract(), at + ": contract");
        require(problems, e.checks(), at + ": checks");
        if (e.id() != null && !ids.add(e.id())) {
          problems.add(at + ": the id is used twice");
        }
        if (e.path() == null || !e.path().startsWith(Exercise.EXERCISES_DIR)) {
          problems.add(at + ": path must start with " + Exercise.EXERCISES_DIR);
        }
        if (e.timeLimitSeconds() < 1 || e.timeLimitSeconds() > 120) {
          problems.add(at + ": timeLimitSeconds must be between 1 and 120");
        }
      }
    }
    return problems;
  }

  private static void require(List<String> problems, String value, String what) {
    if (value == null || value.isBlank()) {
      problems.add(what + " is missing");
    }
  }

  /** Every exercise, in workbook order. */
  public List<Exercise> exercises() {
    List<Exercise> all = new ArrayList<>();
    chapters.forEach(c -> all.addAll(c.exercises()));
    return all;
  }

  /** The exercise with this id. */
  public Optional<Exercise> exercise(String id) {
    return exercises().stream().filter(e -> e.id().equals(id)).findFirst();
  }

  /** The chapter an exercise belongs to. */
  public Chapter chapterOf(Exercise exercise) {
    for (Chapter c : chapters) {
      if (c.exercises().contains(exercise)) {
        return c;
      }
    }
    throw new IllegalArgumentException("exercise " + exercise.id() + " is in no chapter");
  }

  /** The exercise whose learner file is {@code relativePath}, if any. */
  public Optional<Exercise> exerciseAt(String relativePath) {
    String normal = relativePath.replace('\\', '/');
    return exercises().stream().filter(e -> e.path().equals(normal)).findFirst();
  }
}

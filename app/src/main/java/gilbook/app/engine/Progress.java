package gilbook.app.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The learner's progress: which exercises are done, the current one, and how many hint levels each
 * has unlocked. Kept in a small text file in the workbook folder, one fact per line, and written
 * atomically (a temporary file moved over the old one), so a crash never leaves half a file.
 *
 * <p>A file that cannot be parsed is never silently dropped: it is copied aside and {@link
 * #warning()} says where. Not thread-safe.
 */
public final class Progress {
  static final String HEADER =
      "# gilbook progress: one fact per line. Deleting this file forgets your marks, not your code.";

  private final Path file;
  private final Set<String> done = new LinkedHashSet<>();
  private final Map<String, Integer> hints = new LinkedHashMap<>();
  private String current;
  private String warning;

  private Progress(Path file) {
    this.file = file;
  }

  /** Loads the progress at {@code file}; a missing file is a fresh start. */
  public static Progress load(Path file) {
    Progress p = new Progress(file);
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return p;
    } catch (IOException e) {
      p.quarantine("it could not be read (" + e.getMessage() + ")");
      return p;
    }
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\\s+");
      boolean ok =
          switch (f[0]) {
            case "done", "current" -> f.length == 2;
            case "hint" -> f.length == 3 && f[2].matches("\\d{1,3}");
            default -> false;
          };
      if (!ok) {
        p.done.clear();
        p.hints.clear();
        p.current = null;
        p.quarantine("line " + (i + 1) + " is not understood: '" + line + "'");
        return p;
      }
      switch (f[0]) {
        case "done" -> p.done.add(f[1]);
        case "current" -> p.current = f[1];
        default -> p.hints.put(f[1], Integer.parseInt(f[2]));
      }
    }
    return p;
  }

  private void quarantine(String why) {
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    Path backup = file.resolveSibling(file.getFileName() + ".corrupt-" + stamp);
    try {
      Files.copy(file, backup, StandardCopyOption.REPLACE_EXISTING);
      // The damage is safe in the backup: start the file afresh, so it is reported only once.
      save();
      warning =
          "your progress file "
              + file
              + " was damaged ("
              + why
              + "). It was copied to "
              + backup
              + " and progress starts afresh; your exercise files are untouched.";
    } catch (IOException | EngineException e) {
      warning =
          "your progress file "
              + file
              + " was damaged ("
              + why
              + ") and could not be backed up or replaced; it was left as it is.";
    }
  }

  /** A notice about a damaged progress file, if there was one. */
  public Optional<String> warning() {
    return Optional.ofNullable(warning);
  }

  public boolean isDone(String id) {
    return done.contains(id);
  }

  public void markDone(String id) {
    done.add(id);
  }

  public void markPending(String id) {
    done.remove(id);
  }

  public Optional<String> current() {
    return Optional.ofNullable(current);
  }

  public void current(String id) {
    current = id;
  }

  /** How many hint levels of {@code id} are unlocked. */
  public int hintLevel(String id) {
    return hints.getOrDefault(id, 0);
  }

  public void hintLevel(String id, int level) {
    hints.put(id, level);
  }

  /** Writes the progress atomically. */
  public void save() {
    List<String> lines = new ArrayList<>();
    lines.add(HEADER);
    if (current != null) {
      lines.add("current " + current);
    }
    done.forEach(id -> lines.add("done " + id));
    hints.forEach((id, level) -> lines.add("hint " + id + " " + level));
    try {
      AtomicFiles.writeString(file, String.join("\n", lines) + "\n");
    } catch (IOException e) {
      throw new EngineException(
          "could not save progress to "
              + file
              + ": "
              + e.getMessage()
              + ". Is the folder writable?",
          e);
    }
  }
}

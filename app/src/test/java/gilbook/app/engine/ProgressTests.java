package gilbook.app.engine;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The progress file: what it remembers, how it is written, and what happens when it is damaged. */
class ProgressTests {
  @TempDir Path dir;

  private Path file() {
    return dir.resolve(".gilbook").resolve("progress.txt");
  }

  private List<String> namesInFolder() throws IOException {
    try (Stream<Path> files = Files.list(file().getParent())) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Nested
  class AFreshStart {

    @Test
    void aMissingFileMeansNothingIsDoneAndNothingIsWritten() {
      Progress p = Progress.load(file());
      assertFalse(p.isDone("refcount-by-hand"));
      assertEquals(Optional.empty(), p.current());
      assertEquals(0, p.hintLevel("refcount-by-hand"));
      assertEquals(Optional.empty(), p.warning());
      assertFalse(Files.exists(file()));
    }

    @Test
    void savingCreatesTheFolderAndAFileThatExplainsItself() throws IOException {
      Progress p = Progress.load(file());
      p.markDone("refcount-by-hand");
      p.save();
      List<String> lines = Files.readAllLines(file());
      assertTrue(lines.get(0).startsWith("# gilbook progress"), lines::toString);
      assertTrue(lines.contains("done refcount-by-hand"), lines::toString);
    }
  }

  @Nested
  class RoundTrip {

    @Test
    void doneCurrentAndHintsSurviveASaveAndALoad() {
      Progress p = Progress.load(file());
      p.markDone("refcount-by-hand");
      p.markDone("predict-getrefcount");
      p.current("predict-getrefcount");
      p.hintLevel("predict-getrefcount", 2);
      p.save();

      Progress again = Progress.load(file());
      assertEquals(Optional.empty(), again.warning());
      assertTrue(again.isDone("refcount-by-hand"));
      assertTrue(again.isDone("predict-getrefcount"));
      assertEquals(Optional.of("predict-getrefcount"), again.current());
      assertEquals(2, again.hintLevel("predict-getrefcount"));
      assertEquals(0, again.hintLevel("refcount-by-hand"));
    }

    @Test
    void markingPendingForgetsADoneExercise() {
      Progress p = Progress.load(file());
      p.markDone("refcount-by-hand");
      p.save();
      Progress again = Progress.load(file());
      again.markPending("refcount-by-hand");
      again.save();
      assertFalse(Progress.load(file()).isDone("refcount-by-hand"));
    }

    @Test
    void hintLevelsPersistAndOnlyTheLatestCounts() {
      Progress p = Progress.load(file());
      p.hintLevel("refcount-by-hand", 1);
      p.save();
      Progress again = Progress.load(file());
      assertEquals(1, again.hintLevel("refcount-by-hand"));
      again.hintLevel("refcount-by-hand", 3);
      again.save();
      assertEquals(3, Progress.load(file()).hintLevel("refcount-by-hand"));
      assertEquals(0, Progress.load(file()).hintLevel("predict-getrefcount"));
    }

    @Test
    void commentsAndBlankLinesAreIgnored() throws IOException {
      Files.createDirectories(file().getParent());
      Files.writeString(
          file(), "# written by hand\n\n   done refcount-by-hand  \n# hint x 9\nhint x 1\n");
      Progress p = Progress.load(file());
      assertEquals(Optional.empty(), p.warning());
      assertTrue(p.isDone("refcount-by-hand"));
      assertEquals(1, p.hintLevel("x"));
    }
  }

  @Nested
  class AtomicSaves {

    @Test
    void aSaveLeavesNoTemporaryFileBehind() throws IOException {
      Progress p = Progress.load(file());
      p.markDone("refcount-by-hand");
      p.save();
      p.hintLevel("refcount-by-hand", 2);
      p.save();
      assertEquals(List.of("progress.txt"), namesInFolder());
    }

    @Test
    void aSaveReplacesTheWholeFile() throws IOException {
      Progress p = Progress.load(file());
      for (int i = 0; i < 50; i++) {
        p.markDone("exercise-" + i);
      }
      p.save();
      Progress shorter = Progress.load(file());
      for (int i = 1; i < 50; i++) {
        shorter.markPending("exercise-" + i);
      }
      shorter.save();
      List<String> facts =
          Files.readAllLines(file()).stream().filter(l -> !l.startsWith("#")).toList();
      assertEquals(List.of("done exercise-0"), facts);
    }
  }

  @Nested
  class DamagedFiles {

    @Test
    void garbageIsBackedUpWithAWarningAndProgressStartsAfresh() throws IOException {
      byte[] garbage = "done refcount-by-hand\n<<<garbage>>> !!\n".getBytes(UTF_8);
      Files.createDirectories(file().getParent());
      Files.write(file(), garbage);

      Progress p = Progress.load(file());
      String warning = p.warning().orElseThrow(() -> new AssertionError("no warning"));
      assertTrue(warning.contains("line 2"), warning);
      assertTrue(warning.contains("<<<garbage>>>"), warning);
      assertFalse(p.isDone("refcount-by-hand"), "nothing from a damaged file is trusted");

      List<Path> backups;
      try (Stream<Path> files = Files.list(file().getParent())) {
        backups =
            files
                .filter(f -> f.getFileName().toString().startsWith("progress.txt.corrupt-"))
                .toList();
      }
      assertEquals(1, backups.size(), backups::toString);
      assertArrayEquals(garbage, Files.readAllBytes(backups.get(0)));
      assertTrue(warning.contains(backups.get(0).toString()), warning);
    }

    @Test
    void aLineOfTheWrongShapeIsDamage() throws IOException {
      Files.createDirectories(file().getParent());
      Files.writeString(file(), "hint refcount-by-hand many\n");
      assertTrue(Progress.load(file()).warning().isPresent());
    }

    @Test
    void aFileThatIsNotUtf8IsBackedUpToo() throws IOException {
      byte[] latin1 = {'d', 'o', 'n', 'e', ' ', (byte) 0xE9, '\n'};
      Files.createDirectories(file().getParent());
      Files.write(file(), latin1);
      Progress p = Progress.load(file());
      assertTrue(p.warning().isPresent());
      assertTrue(namesInFolder().stream().anyMatch(n -> n.startsWith("progress.txt.corrupt-")));
    }

    @Test
    void theNextSaveWritesAHealthyFile() throws IOException {
      Files.createDirectories(file().getParent());
      Files.writeString(file(), "garbage\n");
      Progress p = Progress.load(file());
      p.markDone("refcount-by-hand");
      p.save();
      Progress again = Progress.load(file());
      assertEquals(Optional.empty(), again.warning());
      assertTrue(again.isDone("refcount-by-hand"));
    }
  }
}

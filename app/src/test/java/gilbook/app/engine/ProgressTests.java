package gilbook.app.engine;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The progress file: what it remembers, how it is written, how copies open at once share it, and
 * what happens when it is damaged.
 */
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

  private List<String> facts() throws IOException {
    return Files.readAllLines(file()).stream().filter(l -> !l.startsWith("#")).toList();
  }

  private List<Path> backups() throws IOException {
    try (Stream<Path> files = Files.list(file().getParent())) {
      return files
          .filter(f -> f.getFileName().toString().startsWith("progress.txt.corrupt-"))
          .toList();
    }
  }

  private void write(String text) throws IOException {
    Files.createDirectories(file().getParent());
    Files.writeString(file(), text);
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
    void theFirstChangeCreatesTheFolderAndAFileThatExplainsItself() throws IOException {
      Progress.load(file()).markDone("refcount-by-hand");
      List<String> lines = Files.readAllLines(file());
      assertTrue(lines.get(0).startsWith("# gilbook progress"), lines::toString);
      assertTrue(lines.contains("done refcount-by-hand"), lines::toString);
    }
  }

  @Nested
  class RoundTrip {

    @Test
    void doneCurrentAndHintsAreWrittenAsTheyChange() {
      Progress p = Progress.load(file());
      p.markDone("refcount-by-hand");
      p.markDone("predict-getrefcount");
      p.current("predict-getrefcount");
      p.update(s -> s.withHintLevelAtLeast("predict-getrefcount", 2));

      Progress again = Progress.load(file());
      assertEquals(Optional.empty(), again.warning());
      assertTrue(again.isDone("refcount-by-hand"));
      assertTrue(again.isDone("predict-getrefcount"));
      assertEquals(Optional.of("predict-getrefcount"), again.current());
      assertEquals(2, again.hintLevel("predict-getrefcount"));
      assertEquals(0, again.hintLevel("refcount-by-hand"));
    }

    @Test
    void theFileKeepsItsFormatOneFactPerLine() throws IOException {
      Progress p = Progress.load(file());
      p.current("refcount-by-hand");
      p.markDone("refcount-by-hand");
      p.update(s -> s.withHintLevelAtLeast("predict-getrefcount", 1));
      assertEquals(
          List.of(
              "current refcount-by-hand", "done refcount-by-hand", "hint predict-getrefcount 1"),
          facts());
    }

    @Test
    void markingPendingForgetsADoneExercise() {
      Progress.load(file()).markDone("refcount-by-hand");
      Progress.load(file()).markPending("refcount-by-hand");
      assertFalse(Progress.load(file()).isDone("refcount-by-hand"));
    }

    @Test
    void hintLevelsOnlyRise() {
      Progress p = Progress.load(file());
      p.update(s -> s.withHintLevelAtLeast("refcount-by-hand", 3));
      p.update(s -> s.withHintLevelAtLeast("refcount-by-hand", 1));
      assertEquals(3, p.hintLevel("refcount-by-hand"));
      assertEquals(3, Progress.load(file()).hintLevel("refcount-by-hand"));
      assertEquals(0, Progress.load(file()).hintLevel("predict-getrefcount"));
    }

    @Test
    void commentsAndBlankLinesAreIgnored() throws IOException {
      write("# written by hand\n\n   done refcount-by-hand  \n# hint x 9\nhint x 1\r\n");
      Progress p = Progress.load(file());
      assertEquals(Optional.empty(), p.warning());
      assertTrue(p.isDone("refcount-by-hand"));
      assertEquals(1, p.hintLevel("x"));
    }

    @Test
    void aChangeThatChangesNothingWritesNothing() throws IOException {
      write("done refcount-by-hand\n");
      Progress.load(file()).markDone("refcount-by-hand");
      assertEquals("done refcount-by-hand\n", Files.readString(file()), "not rewritten");
    }
  }

  @Nested
  class AtomicSaves {

    @Test
    void aChangeLeavesNoTemporaryFileBehindOnlyTheFileAndItsLock() throws IOException {
      Progress p = Progress.load(file());
      p.markDone("refcount-by-hand");
      p.update(s -> s.withHintLevelAtLeast("refcount-by-hand", 2));
      assertEquals(List.of("progress.lock", "progress.txt"), namesInFolder());
    }

    @Test
    void aChangeReplacesTheWholeFile() throws IOException {
      Progress p = Progress.load(file());
      p.update(
          s -> {
            for (int i = 0; i < 50; i++) {
              s = s.withDone("exercise-" + i);
            }
            return s;
          });
      Progress shorter = Progress.load(file());
      for (int i = 1; i < 50; i++) {
        shorter.markPending("exercise-" + i);
      }
      assertEquals(List.of("done exercise-0"), facts());
    }
  }

  /** Every change re-reads the file under a lock, so copies opened at different times agree. */
  @Nested
  class CopiesOpenAtOnce {

    @Test
    void aStaleCopyKeepsTheDoneMarkAnotherCopyWroteWhenItRevealsAHint() {
      Progress window = Progress.load(file()); // opened first, then left alone
      Progress cli = Progress.load(file());
      cli.markDone("refcount-by-hand");

      window.update(s -> s.withHintLevelAtLeast("refcount-by-hand", 1));

      Progress onDisk = Progress.load(file());
      assertTrue(onDisk.isDone("refcount-by-hand"), "the other copy's done mark survives");
      assertEquals(1, onDisk.hintLevel("refcount-by-hand"));
      assertTrue(window.isDone("refcount-by-hand"), "the copy holds what it wrote: fresh state");
    }

    @Test
    void aStaleCopyNeverLowersAHintLevel() {
      Progress stale = Progress.load(file());
      stale.update(s -> s.withHintLevelAtLeast("refcount-by-hand", 1));
      Progress.load(file()).update(s -> s.withHintLevelAtLeast("refcount-by-hand", 3));
      stale.update(s -> s.withHintLevelAtLeast("refcount-by-hand", 2));
      assertEquals(3, Progress.load(file()).hintLevel("refcount-by-hand"));
    }

    @Test
    void aChangeIsAppliedToWhatTheFileSaysNow() {
      Progress stale = Progress.load(file());
      Progress.load(file()).update(s -> s.withHintLevelAtLeast("refcount-by-hand", 2));
      ProgressState after =
          stale.update(s -> s.withHintLevelAtLeast("refcount-by-hand", s.hintLevel("x") + 1));
      assertEquals(2, after.hintLevel("refcount-by-hand"));
      ProgressState next =
          stale.update(
              s -> s.withHintLevelAtLeast("refcount-by-hand", s.hintLevel("refcount-by-hand") + 1));
      assertEquals(3, next.hintLevel("refcount-by-hand"), "counted from the file, not the copy");
    }

    @Test
    void aChangeThatThrowsWritesNothingAndReleasesTheLock() throws IOException {
      Progress p = Progress.load(file());
      p.markDone("refcount-by-hand");
      String before = Files.readString(file());
      assertThrows(
          EngineException.class,
          () ->
              p.update(
                  s -> {
                    throw new EngineException("refused");
                  }));
      assertEquals(before, Files.readString(file()));
      p.markDone("predict-getrefcount"); // would wait forever if the lock were still held
      assertTrue(Progress.load(file()).isDone("predict-getrefcount"));
    }

    @Test
    void refreshNoticesOnlyChangesMadeElsewhere() {
      Progress window = Progress.load(file());
      assertFalse(window.refresh(), "nothing changed yet");
      window.markDone("refcount-by-hand");
      assertFalse(window.refresh(), "its own change is not news");

      Progress.load(file()).update(s -> s.withHintLevelAtLeast("refcount-by-hand", 2));
      assertEquals(
          0, window.hintLevel("refcount-by-hand"), "a copy is not re-read behind its back");
      assertTrue(window.refresh());
      assertEquals(2, window.hintLevel("refcount-by-hand"));
      assertTrue(window.isDone("refcount-by-hand"));
      assertFalse(window.refresh(), "seen once");
    }

    @Test
    void refreshNoticesADeletedFile() throws IOException {
      Progress window = Progress.load(file());
      window.markDone("refcount-by-hand");
      Files.delete(file());
      assertTrue(window.refresh());
      assertFalse(window.isDone("refcount-by-hand"));
    }

    @Test
    void threadsWithCopiesOfTheirOwnLoseNoMark() throws Exception {
      int threads = 8;
      int rounds = 25;
      Progress shared = Progress.load(file()); // half the threads share one copy
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int me = t;
          Progress mine = me % 2 == 0 ? shared : Progress.load(file());
          done.add(
              pool.submit(
                  () -> {
                    go.await();
                    for (int i = 0; i < rounds; i++) {
                      mine.markDone("t" + me + "-" + i);
                      mine.update(s -> s.withHintLevelAtLeast("t" + me, s.hintLevel("t" + me) + 1));
                      mine.update(s -> s.withHintLevelAtLeast("all", s.hintLevel("all") + 1));
                    }
                    return null;
                  }));
        }
        go.countDown();
        for (Future<?> f : done) {
          f.get();
        }
      } finally {
        pool.shutdownNow();
      }
      Progress after = Progress.load(file());
      for (int t = 0; t < threads; t++) {
        for (int i = 0; i < rounds; i++) {
          assertTrue(after.isDone("t" + t + "-" + i), "t" + t + "-" + i + " lost");
        }
        assertEquals(rounds, after.hintLevel("t" + t));
      }
      assertEquals(threads * rounds, after.hintLevel("all"), "every raise counted once");
      assertTrue(namesInFolder().stream().noneMatch(n -> n.endsWith(".saving")));
    }
  }

  @Nested
  class DamagedFiles {

    @Test
    void aDamagedLineIsDroppedAloneNamedInTheWarningAndBackedUp() throws IOException {
      byte[] original =
          "current refcount-by-hand\ndone refcount-by-hand\n<<<garbage>>> !!\nhint x 2\n"
              .getBytes(UTF_8);
      Files.createDirectories(file().getParent());
      Files.write(file(), original);

      Progress p = Progress.load(file());
      String warning = p.warning().orElseThrow(() -> new AssertionError("no warning"));
      assertTrue(warning.contains("line 3 '<<<garbage>>> !!'"), warning);
      assertTrue(p.isDone("refcount-by-hand"), "the valid lines are kept");
      assertEquals(Optional.of("refcount-by-hand"), p.current());
      assertEquals(2, p.hintLevel("x"));

      List<Path> backups = backups();
      assertEquals(1, backups.size(), backups::toString);
      assertArrayEquals(original, Files.readAllBytes(backups.get(0)));
      assertTrue(warning.contains(backups.get(0).toString()), warning);

      assertEquals(
          List.of("current refcount-by-hand", "done refcount-by-hand", "hint x 2"),
          facts(),
          "the file is rewritten with the valid lines");
      Progress again = Progress.load(file());
      assertEquals(Optional.empty(), again.warning(), "reported once");
      assertTrue(again.isDone("refcount-by-hand"));
    }

    @Test
    void everyDroppedLineIsNamed() throws IOException {
      write("done a\nhint a many\ndone\nhint b 1\nfrobnicate b\n");
      Progress p = Progress.load(file());
      String warning = p.warning().orElseThrow();
      assertTrue(warning.contains("line 2 'hint a many'"), warning);
      assertTrue(warning.contains("line 3 'done'"), warning);
      assertTrue(warning.contains("line 5 'frobnicate b'"), warning);
      assertFalse(warning.contains("line 1"), warning);
      assertFalse(warning.contains("line 4"), warning);
      assertTrue(p.isDone("a"));
      assertEquals(1, p.hintLevel("b"));
    }

    @Test
    void aFileFullOfGarbageNamesTheFirstTenLinesAndCountsTheRest() throws IOException {
      write("done a\n" + "garbage\n".repeat(25));
      String warning = Progress.load(file()).warning().orElseThrow();
      assertTrue(warning.contains("line 2 'garbage'"), warning);
      assertTrue(warning.contains("line 11 'garbage' and 15 more lines"), warning);
      assertFalse(warning.contains("line 12"), warning);
      assertTrue(Progress.load(file()).isDone("a"));
    }

    @Test
    void aLineThatIsNotUtf8IsDroppedAndTheRestKept() throws IOException {
      byte[] mixed = {
        'd', 'o', 'n', 'e', ' ', (byte) 0xE9, '\n', 'd', 'o', 'n', 'e', ' ', 'o', 'k', '\n'
      };
      Files.createDirectories(file().getParent());
      Files.write(file(), mixed);
      Progress p = Progress.load(file());
      assertTrue(p.warning().orElseThrow().contains("line 1"), p.warning().get());
      assertTrue(p.isDone("ok"));
      assertEquals(1, backups().size());
      assertArrayEquals(mixed, Files.readAllBytes(backups().get(0)));
    }

    @Test
    void damageWrittenWhileACopyIsOpenIsRepairedWhenItRefreshes() throws IOException {
      Progress window = Progress.load(file());
      window.markDone("refcount-by-hand");
      Files.writeString(file(), Files.readString(file()) + "oops\n");
      assertTrue(window.refresh());
      assertTrue(window.warning().orElseThrow().contains("line 3 'oops'"), window.warning().get());
      assertTrue(window.isDone("refcount-by-hand"));
      assertEquals(List.of("done refcount-by-hand"), facts());
      assertEquals(1, backups().size());
    }

    @Test
    void aChangeToADamagedFileKeepsItsValidLinesAndBacksItUp() throws IOException {
      Progress window = Progress.load(file());
      write("done refcount-by-hand\nnonsense\n");
      window.update(s -> s.withHintLevelAtLeast("refcount-by-hand", 1));
      assertEquals(List.of("done refcount-by-hand", "hint refcount-by-hand 1"), facts());
      assertEquals(1, backups().size());
      assertTrue(window.warning().orElseThrow().contains("line 2 'nonsense'"));
    }

    @Test
    void anUnreadableFileIsNeverWrittenOver() throws IOException {
      Files.createDirectories(file()); // a folder where the file should be: it cannot be read
      Files.writeString(file().resolve("keep"), "mine");
      Progress p = Progress.load(file());
      assertTrue(p.warning().orElseThrow().contains("could not be read"), p.warning().get());
      EngineException e = assertThrows(EngineException.class, () -> p.markDone("x"));
      assertTrue(e.getMessage().contains("nothing was changed"), e.getMessage());
      assertEquals("mine", Files.readString(file().resolve("keep")));
    }
  }
}

package gilbook.app.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomic writes: whole files only, and no temporary file left behind, even when writers race. */
class AtomicFilesTests {
  @TempDir Path dir;

  private List<String> namesInFolder() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aWriteCreatesTheFolderAndLeavesOnlyTheFile() throws IOException {
    Path file = dir.resolve("sub").resolve("a.txt");
    AtomicFiles.writeString(file, "one\n");
    AtomicFiles.writeString(file, "two\n");
    assertEquals("two\n", Files.readString(file));
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertEquals(List.of("a.txt"), files.map(p -> p.getFileName().toString()).toList());
    }
  }

  @Test
  void writersRacingOnOneFileLeaveOneWholeTextAndNoTemporaryFiles() throws Exception {
    Path file = dir.resolve("race.txt");
    int writers = 8;
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < writers; i++) {
      texts.add(("writer " + i + "\n").repeat(2_000));
    }
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (String text : texts) {
        done.add(
            pool.submit(
                () -> {
                  go.await();
                  for (int round = 0; round < 20; round++) {
                    AtomicFiles.writeString(file, text);
                  }
                  return null;
                }));
      }
      go.countDown();
      for (Future<?> f : done) {
        f.get(); // a clash on a shared temporary name would fail a write here
      }
    } finally {
      pool.shutdownNow();
    }
    String result = Files.readString(file);
    assertTrue(texts.contains(result), "the file holds one writer's text, whole");
    assertEquals(List.of("race.txt"), namesInFolder());
  }
}

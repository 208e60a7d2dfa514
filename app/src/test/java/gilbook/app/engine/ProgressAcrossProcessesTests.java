package gilbook.app.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gilbook.app.ChildJvm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several processes, and threads in this one, change one progress file at once, each through its
 * own copy loaded before the others wrote: no change is lost, whatever the schedule.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ProgressAcrossProcessesTests {
  private static final int PROCESSES = 4;
  private static final int THREADS = 2;
  private static final int ROUNDS = 30;

  @TempDir Path dir;

  @Test
  void processesAndThreadsChangingTheFileAtOnceLoseNoMarkAndCountEveryRaise() throws Exception {
    Path file = dir.resolve(".gilbook").resolve("progress.txt");
    List<ChildJvm> children = new ArrayList<>();
    for (int i = 0; i < PROCESSES; i++) {
      children.add(
          ChildJvm.start(
              ProgressHammer.class, List.of(), file.toString(), "p" + i, String.valueOf(ROUNDS)));
    }
    for (ChildJvm child : children) {
      assertEquals("ready", child.readLine());
    }
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> threads = new ArrayList<>();
    try {
      for (ChildJvm child : children) {
        child.send("go");
      }
      for (int t = 0; t < THREADS; t++) {
        String name = "t" + t;
        Progress mine = Progress.load(file);
        threads.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < ROUNDS; i++) {
                    mine.markDone(name + "-" + i);
                    mine.update(s -> s.withHintLevelAtLeast(name, s.hintLevel(name) + 1));
                    mine.update(s -> s.withHintLevelAtLeast("all", s.hintLevel("all") + 1));
                  }
                  return null;
                }));
      }
      for (Future<?> f : threads) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    for (ChildJvm child : children) {
      ChildJvm.Result r = child.finish(180);
      assertEquals(0, r.exit(), r.output());
      assertTrue(r.output().contains("finished"), r.output());
    }

    Progress after = Progress.load(file);
    List<String> writers = new ArrayList<>();
    for (int i = 0; i < PROCESSES; i++) {
      writers.add("p" + i);
    }
    for (int t = 0; t < THREADS; t++) {
      writers.add("t" + t);
    }
    for (String w : writers) {
      for (int i = 0; i < ROUNDS; i++) {
        assertTrue(after.isDone(w + "-" + i), w + "-" + i + " was lost: " + after.state());
      }
      assertEquals(ROUNDS, after.hintLevel(w), w + "'s raises: " + after.state());
    }
    assertEquals(writers.size() * ROUNDS, after.hintLevel("all"), "every raise counted once");
  }
}

package gilbook.app.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gilbook.app.TempWorkbook;
import gilbook.exercises.manifest.Exercise;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing a learner's code starts outlives its job: after a verdict, a timeout, a Stop, a crashed
 * worker or the end of gilbook itself, every OS process the code started (and those they started)
 * is gone. Each case starts {@code sleep} with a number no other test uses, then looks for it among
 * the machine's processes once the job is over. Linux only: elsewhere gilbook can only end the live
 * worker's descendants.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class JobProcessesTests {
  @TempDir static Path dir;
  private static TempWorkbook copy;
  private static Workbook workbook;
  private static Exercise refcount;

  private String marker;

  @BeforeAll
  static void openACopyOfTheWorkbook() {
    assumeTrue(ProcessTable.available(), "needs Linux's /proc");
    copy = TempWorkbook.copyInto(dir.resolve("wb"));
    workbook = Workbook.open(copy.root());
    refcount = workbook.exercise("refcount-by-hand");
  }

  @AfterAll
  static void closeIt() {
    if (workbook != null) {
      workbook.close();
    }
  }

  @BeforeEach
  void pickAMarker() {
    // A sleep of 313.x seconds: x tells this test's processes from any other's.
    marker = "313." + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
  }

  /**
   * A correct solution that also starts a process ({@code startCommand}: Java string literals,
   * comma-separated, MARK standing for the marker), then does {@code thenWhat}.
   */
  private Path learnerFile(String name, String startCommand, String thenWhat) throws IOException {
    String code =
        TempWorkbook.solution()
            + "\nnew ProcessBuilder("
            + startCommand.replace("MARK", marker)
            + ").start();\n"
            + thenWhat;
    // The marker is not in the file's name, which the worker's command line holds.
    Path file = dir.resolve(name + "-" + ThreadLocalRandom.current().nextInt(1 << 30) + ".jsh");
    Files.writeString(file, code);
    return file;
  }

  @Nested
  class AfterAVerdict {
    @Test
    void aProcessStartedByAPassingFileIsGone() throws Exception {
      Path file = learnerFile("passes", "\"sleep\", \"MARK\"", "");
      CheckOutcome o = workbook.check(refcount, file, null);
      assertTrue(o.passed(), "the file is a correct solution that also starts a process: " + o);
      assertNoProcessLeft();
    }

    @Test
    void grandchildrenAreGoneToo() throws Exception {
      Path file =
          learnerFile("grandchildren", "\"sh\", \"-c\", \"sleep MARK & sleep MARK & wait\"", "");
      workbook.check(refcount, file, null);
      assertNoProcessLeft();
    }

    @Test
    void aChildThatStartedASessionOfItsOwnIsGoneToo() throws Exception {
      assumeTrue(Files.isExecutable(Path.of("/usr/bin/setsid")), "needs setsid");
      Path file = learnerFile("own-session", "\"/usr/bin/setsid\", \"sleep\", \"MARK\"", "");
      workbook.check(refcount, file, null);
      assertNoProcessLeft();
    }

    @Test
    void aRunEndsThemAsACheckDoes() throws Exception {
      Path file = learnerFile("run", "\"sleep\", \"MARK\"", "");
      Workbook.RunOutcome o = workbook.run(file, 30, null, null);
      assertTrue(o.result().isPresent(), o.output());
      assertNoProcessLeft();
    }

    @Test
    void theWarmSpareThatWatchUsesEndsThemOnEverySave() throws Exception {
      try (Workbook watching = Workbook.open(copy.root())) {
        watching.useWarmWorkers();
        Path file = learnerFile("watch", "\"sleep\", \"MARK\"", "");
        for (int save = 0; save < 3; save++) {
          assertTrue(watching.check(refcount, file, null).passed());
          assertNoProcessLeft();
        }
      }
    }
  }

  @Nested
  class WhenTheJobDoesNotEndByItself {
    @Test
    void aTimeoutEndsThem() throws Exception {
      Path file = learnerFile("loops", "\"sleep\", \"MARK\"", "while (true) {}\n");
      WorkerProcess.Outcome o =
          WorkerProcess.run(List.of("run", "--file", file.toString()), 3_000, null);
      assertEquals("timeout", o.result().map(r -> r.status()).orElse("none"), o.output());
      assertNoProcessLeft();
    }

    @Test
    void stoppingTheJobEndsThem() throws Exception {
      Path file = learnerFile("stopped", "\"sleep\", \"MARK\"", "Thread.sleep(300_000);\n");
      Cancellation stop = new Cancellation();
      CompletableFuture<CheckOutcome> check =
          CompletableFuture.supplyAsync(() -> workbook.check(refcount, file, null, null, stop, 1));
      awaitProcess();
      stop.cancel();
      CheckOutcome o = check.get(60, TimeUnit.SECONDS);
      assertEquals("cancelled", o.error().map(Verdict::kind).orElse("none"), o.toString());
      assertNoProcessLeft();
    }

    @Test
    void aWorkerThatDiesLeavesNothingBehind() throws Exception {
      Path file = learnerFile("halts", "\"sleep\", \"MARK\"", "Runtime.getRuntime().halt(3);\n");
      CheckOutcome o = workbook.check(refcount, file, null);
      assertEquals("crash", o.error().map(Verdict::kind).orElse("none"), o.toString());
      assertNoProcessLeft();
    }

    @Test
    void endingGilbookItselfEndsThem() throws Exception {
      // What Ctrl-C does in a terminal: the JVM runs its shutdown hooks. (SIGTERM runs the same
      // hooks; SIGINT may be ignored by a test runner started in the background.)
      Path file = learnerFile("interrupted", "\"sleep\", \"MARK\"", "Thread.sleep(300_000);\n");
      Process cli =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-Dgilbook.root=" + copy.root(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  "gilbook.app.Main",
                  "check",
                  "refcount-by-hand",
                  "--file",
                  file.toString())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("cli-" + marker + ".out").toFile())
              .start();
      try {
        awaitProcess();
        cli.destroy(); // SIGTERM
        assertTrue(cli.waitFor(60, TimeUnit.SECONDS), "gilbook did not end");
        assertNoProcessLeft();
      } finally {
        cli.destroyForcibly();
      }
    }
  }

  /** Waits until the learner's sleep is running (it starts once the worker has loaded the file). */
  private void awaitProcess() throws InterruptedException {
    // No fixed sleep decides anything here: we poll, and the test's own timeout is the bound.
    while (processesWithMarker().stream().noneMatch(p -> p.contains(": sleep " + marker))) {
      Thread.sleep(50);
    }
  }

  private void assertNoProcessLeft() {
    List<String> left = processesWithMarker();
    assertTrue(left.isEmpty(), "still running after the job: " + left);
  }

  /** Running processes whose command line holds this test's marker, as "pid: command line". */
  private List<String> processesWithMarker() {
    List<String> found = new ArrayList<>();
    try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"))) {
      for (Path p : procs) {
        try {
          byte[] raw = Files.readAllBytes(p.resolve("cmdline"));
          String cmd = new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').trim();
          if (cmd.contains(marker) && !isZombie(p)) {
            found.add(p.getFileName() + ": " + cmd);
          }
        } catch (IOException | RuntimeException e) {
          // not a process, or it ended while we looked
        }
      }
    } catch (IOException e) {
      throw new AssertionError("could not list /proc", e);
    }
    return found;
  }

  private static boolean isZombie(Path proc) throws IOException {
    String stat = Files.readString(proc.resolve("stat"));
    return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
  }
}

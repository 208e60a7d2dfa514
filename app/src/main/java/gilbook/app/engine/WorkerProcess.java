package gilbook.app.engine;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import gilbook.exercises.worker.WorkerResult;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs one job in a child JVM: the only place learner code ever runs. The child gets a heap cap and
 * a time limit; its output is captured with a cap; and its verdict arrives over a socket that only
 * the worker itself, presenting a one-time key sent on its standard input before any learner code
 * runs, can connect to ({@link VerdictInbox}). The worker's own code is a named module that learner
 * code cannot reach into ({@link WorkerModules}). Whatever the learner's code does (loop, exit,
 * halt, deadlock, exhaust memory, start processes, forge a verdict), this returns, the caller's JVM
 * lives on, and no process of the job outlives it ({@link ProcessTree}).
 */
public final class WorkerProcess {
  /** Heap cap for learner code. */
  static final String HEAP = "-Xmx256m";

  /** Output kept per run; the rest is counted and reported as truncated. */
  static final int OUTPUT_LIMIT = 64 * 1024;

  /**
   * How long past a job's limit we wait before killing its worker, as a multiple of the limit plus
   * a constant. The worker times itself out on a clock that leaves out the machine's load (see
   * JobClock in the worker), so on a busy machine its own verdict can come well after the limit in
   * wall-clock time; killing it sooner would call slow-but-correct code an infinite loop. This
   * limit is the last resort, for a worker that cannot answer at all.
   */
  private static final int HARD_LIMIT_FACTOR = 5;

  private static final long HARD_LIMIT_EXTRA_MILLIS = 30_000;

  /** The wall-clock time after which a worker with job limit {@code limitMillis} is killed. */
  public static long hardLimitMillis(long limitMillis) {
    return limitMillis * HARD_LIMIT_FACTOR + HARD_LIMIT_EXTRA_MILLIS;
  }

  /** {@link #hardLimitMillis} in whole seconds, for messages. */
  public static long hardLimitSeconds(long limitMillis) {
    return hardLimitMillis(limitMillis) / 1000;
  }

  private static final SecureRandom RANDOM = new SecureRandom();

  /** Where worker JVMs keep their class-data-sharing archive; {@code null} means none. */
  private static volatile Path cacheDirectory;

  /** Lets workers share a class-data archive in {@code dir} (the workbook's cache). */
  public static void cacheDirectory(Path dir) {
    cacheDirectory = dir;
  }

  private WorkerProcess() {}

  /**
   * What a child JVM did. Immutable.
   *
   * @param result the worker's answer, present only if it came over the worker's own connection
   * @param exitCode the child's exit code, or -1 if it was killed
   * @param killed whether the parent had to kill it at the time limit
   * @param output what it printed (standard output and error, merged), up to the cap
   * @param droppedOutput how many more bytes it printed
   */
  public record Outcome(
      Optional<WorkerResult> result,
      int exitCode,
      boolean killed,
      String output,
      long droppedOutput) {}

  /**
   * Starts {@code Worker} with {@code args} (the mode first), waits at most {@code limitMillis}
   * plus a grace period, and collects the outcome.
   *
   * @param echo where to stream the child's output as it arrives, or {@code null}
   */
  public static Outcome run(List<String> args, long limitMillis, OutputStream echo) {
    return run(args, limitMillis, echo, new Cancellation());
  }

  /** Like {@link #run(List, long, OutputStream)}, stoppable through {@code cancellation}. */
  public static Outcome run(
      List<String> args, long limitMillis, OutputStream echo, Cancellation cancellation) {
    List<String> withLimit = new ArrayList<>(args);
    withLimit.add("--limit-ms");
    withLimit.add(Long.toString(limitMillis));
    Launch launch = Launch.start(withLimit, echo);
    cancellation.attach(launch.tree);
    launch.closeInput();
    return launch.await(limitMillis);
  }

  /** One started worker JVM, from its launch until its outcome has been read. */
  static final class Launch {
    final Process process;
    final ProcessTree tree;
    private final OutputCapture output;
    private final Path dir;
    private final VerdictInbox inbox;
    private final ClassDataSharing.Plan cds;
    private final Writer stdin;

    private Launch(
        Process process,
        OutputCapture output,
        Path dir,
        VerdictInbox inbox,
        String key,
        ClassDataSharing.Plan cds) {
      this.process = process;
      this.tree = ProcessTree.track(process);
      this.output = output;
      this.dir = dir;
      this.inbox = inbox;
      this.cds = cds;
      this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
      send(key);
    }

    /** Starts a worker with {@code args}; its key is sent at once. */
    static Launch start(List<String> args, OutputStream echo) {
      Path dir;
      try {
        dir = Files.createTempDirectory("gilbook-worker");
      } catch (IOException e) {
        throw new EngineException("could not create a temporary folder: " + e.getMessage(), e);
      }
      // The worker connects here and presents the key; learner code, later, finds neither.
      Path socket = dir.resolve("verdict.sock");
      String key = HexFormat.of().formatHex(RANDOM.generateSeed(16));
      VerdictInbox inbox = VerdictInbox.open(socket, key);
      // A session of its own, so that every process the learner's code starts can be found and
      // ended with the worker (see ProcessTree).
      List<String> cmd = new ArrayList<>(ProcessTree.sessionPrefix());
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      cmd.add(HEAP);
      cmd.add("-XX:+UseSerialGC");
      cmd.add("-XX:TieredStopAtLevel=1");
      cmd.add("-Dfile.encoding=UTF-8");
      // No agent can be attached to the worker later (say, by a JVM the learner's code starts).
      cmd.add("-XX:+DisableAttachMechanism");
      String classPath = System.getProperty("java.class.path");
      String modulePath = WorkerModules.modulePath();
      Path cache = cacheDirectory;
      ClassDataSharing.Plan cds =
          cache == null || !ClassDataSharing.supports(classPath, modulePath)
              ? null
              : new ClassDataSharing(cache).plan(classPath, modulePath, key.substring(0, 8));
      if (cds != null) {
        cmd.addAll(cds.options());
      }
      cmd.addAll(WorkerModules.options());
      cmd.add("-cp");
      cmd.add(classPath);
      cmd.add("-m");
      cmd.add(WorkerModules.MAIN);
      cmd.addAll(args);
      cmd.add("--result");
      cmd.add(socket.toString());
      Process process;
      try {
        process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      } catch (IOException e) {
        inbox.close();
        throw new EngineException("could not start a Java process: " + e.getMessage(), e);
      }
      OutputCapture output =
          new OutputCapture(process.getInputStream(), OUTPUT_LIMIT, echo, "gilbook-worker-output");
      return new Launch(process, output, dir, inbox, key, cds);
    }

    boolean isAlive() {
      return process.isAlive();
    }

    /** Sends one line to the worker's standard input. */
    void send(String line) {
      try {
        stdin.write(line + "\n");
        stdin.flush();
      } catch (IOException e) {
        // The worker died before reading; its exit tells the story.
      }
    }

    void closeInput() {
      try {
        stdin.close();
      } catch (IOException e) {
        // already gone
      }
    }

    /** Stops a worker that will not be used, and anything it started. */
    void discard() {
      closeInput();
      inbox.close();
      tree.end();
      output.finish();
      deleteQuietly(dir);
    }

    /**
     * Waits for the job to end (killing the worker past the limit) and reads its outcome. On every
     * path, the processes the learner's code started end with it.
     */
    Outcome await(long limitMillis) {
      boolean killed = false;
      try {
        if (!process.waitFor(hardLimitMillis(limitMillis), TimeUnit.MILLISECONDS)) {
          killed = true;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        killed = true;
      } finally {
        // Also after a verdict or a crash: a process the learner started may outlive the worker,
        // and may hold its output pipe open.
        tree.end();
      }
      output.finish();
      int exit = process.isAlive() ? -1 : process.exitValue();
      Optional<WorkerResult> result = inbox.verdict().flatMap(WorkerProcess::parse);
      deleteQuietly(dir);
      if (cds != null) {
        // Record the archive only from a worker that ended normally: a killed one may have
        // written half a file.
        cds.commit(!killed && exit == 0 && result.isPresent());
      }
      return new Outcome(result, killed ? -1 : exit, killed, output.text(), output.droppedBytes());
    }
  }

  private static Optional<WorkerResult> parse(byte[] verdict) {
    try {
      return Optional.of(
          new ObjectMapper()
              .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
              .readValue(verdict, WorkerResult.class));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var files = Files.list(dir)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Files.deleteIfExists(p);
      }
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      // a stale temporary folder is harmless
    }
  }
}

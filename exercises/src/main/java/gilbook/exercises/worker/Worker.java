package gilbook.exercises.worker;

import gilbook.exercises.grading.GradeReport;
import gilbook.exercises.grading.Grader;
import gilbook.exercises.grading.Seed;
import gilbook.exercises.harness.JShellHarness;
import gilbook.exercises.harness.LoadResult;
import gilbook.exercises.harness.SourceFile;
import gilbook.exercises.manifest.Exercise;
import gilbook.exercises.verify.AuthoringContract;
import gilbook.runtime.Interpreter;
import gilbook.runtime.ThreadStats;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The entry point of the child JVM in which learner code runs. The parent passes the job on the
 * command line and a one-time key on standard input; before any learner code runs, the worker
 * connects to the parent's socket ({@code --result}) and presents the key, and its verdict travels
 * over that connection and nowhere else ({@link VerdictChannel}). So a snippet that prints "PASS",
 * writes fake JSON to the console or to a file, or ends the JVM early cannot pass.
 *
 * <pre>
 * Worker check  --exercise ID --contract C --checks K --file F --result R --limit-ms N [--seed S]
 *               [--trace T] [--learner-path P]
 * Worker run    --file F [--exercise ID] [--contract C --scenario S] --result R --limit-ms N
 *               [--trace T]
 * Worker verify --root DIR [--repeat N] --result R --limit-ms N
 * Worker dis     --file F [--entry E] [--threads N] [--args JSON] [--globals JSON] [--policy P]
 *               [--interval-ns N] [--seed S] [--trace T] [--show yes] --result R --limit-ms N
 * Worker standby --result R
 * </pre>
 *
 * <p>A {@code standby} worker prepares a JShell while it waits, then reads one job (the arguments
 * of a {@code check}, tab-separated) as the second line of its input: a warm spare that still runs
 * exactly one learner file, so isolation is as strong as for a cold worker.
 *
 * <p>When it is done the worker halts at once, so a stray non-daemon thread cannot keep it alive,
 * and first ends every process the learner's code started. (The parent ends them too, on every
 * path; see the app's ProcessTree. Here they are still our descendants, even those that started a
 * session of their own.) A worker whose parent is gone ends itself ({@link ParentWatch}).
 *
 * <p>Learner code shares this JVM, so the worker runs as the named module {@code gilbook.exercises}
 * with its own packages closed ({@link Encapsulation}): reflection, method handles and {@code
 * sun.misc.Unsafe} cannot reach the connection, the grading code or JUnit's internals, and a job
 * runs on a thread whose context class loader learner code cannot change ({@link GradingThread}).
 * An attempt is named in the verdict ({@link Tampering}). What remains possible (native code, the
 * process's own memory through /proc, changing gilbook's files on disk) is in the exercises README,
 * under "Residual risk".
 */
public final class Worker {
  private static final AtomicBoolean ANSWERED = new AtomicBoolean();

  /**
   * Memory held back from learner code and freed just before answering, so that a worker whose heap
   * the learner filled can still write its verdict.
   */
  private static byte[] reserve = new byte[16 << 20];

  /** Serialises answers: a private lock, since learner code can lock any class object. */
  private static final Object ANSWER_LOCK = new Object();

  private static JShellHarness standbyHarness;

  /** Carried in every result for the record; the connection, not this, makes a verdict count. */
  private static String nonce = "";

  /** Where the parent's socket was: a file there afterwards was written by learner code. */
  private static Path resultFile;

  private static VerdictChannel channel;

  private Worker() {}

  public static void main(String[] args) throws IOException {
    BufferedReader stdin =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    Map<String, String> opts = options(args);
    resultFile = Path.of(require(opts, "result"));
    // The key is spent here, before any learner code runs: the parent accepts one connection.
    channel = VerdictChannel.connect(resultFile, line(stdin));
    Encapsulation.apply();
    Tampering.watch();
    ParentWatch.start();
    if (args.length > 0 && args[0].equals("standby")) {
      JShellHarness prepared = new JShellHarness(System.out, System.err);
      Warmup.run(prepared);
      String job = line(stdin);
      if (job.isEmpty()) {
        exit(0); // the parent went away, or changed its mind
      }
      args = job.split("\t");
      opts = options(args);
      opts.put("result", resultFile.toString());
      standbyHarness = prepared;
    }
    String mode = args.length > 0 ? args[0] : "";
    long limit = Long.parseLong(opts.getOrDefault("limit-ms", "10000"));
    Watchdog.start(limit, detail -> answer(result("timeout", null, detail, List.of())));
    Map<String, String> jobOpts = opts;
    try {
      GradingThread.runAndWait(() -> job(mode, jobOpts, System.out));
    } catch (InterruptedException e) {
      answer(result("error", null, "the worker was interrupted", List.of()));
    }
    System.out.flush();
    System.err.flush();
    exit(0);
  }

  private static void job(String mode, Map<String, String> opts, PrintStream out) {
    try {
      switch (mode) {
        case "check" -> check(opts, out);
        case "run" -> run(opts, out);
        case "verify" -> verify(opts, out);
        case "dis" -> dis(opts);
        default -> answer(result("error", null, "unknown worker mode '" + mode + "'", List.of()));
      }
    } catch (Throwable t) {
      answer(result("error", null, "the worker failed: " + JShellHarness.describe(t), List.of()));
    }
  }

  /** Ends every process the learner's code started, then this JVM, at once. */
  static void exit(int status) {
    ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
    Runtime.getRuntime().halt(status);
  }

  private static void check(Map<String, String> opts, PrintStream out) {
    List<Interpreter> built = new CopyOnWriteArrayList<>();
    // Only what this job builds: the learner's snippets run on threads this one starts.
    Interpreter.observeBuilds(built::add, () -> check(opts, out, built));
  }

  private static void check(Map<String, String> opts, PrintStream out, List<Interpreter> built) {
    Exercise exercise =
        new Exercise(
            require(opts, "exercise"),
            "",
            // Given only when F is the learner's own file: then a file that cannot be read is
            // one './gilbook reset' restores (see Grader).
            opts.getOrDefault("learner-path", "exercises/x.jsh"),
            require(opts, "contract"),
            require(opts, "checks"),
            1,
            List.of());
    Path file = Path.of(require(opts, "file"));
    long seed =
        opts.containsKey("seed") ? Seed.check(Long.parseLong(opts.get("seed"))) : Seed.fresh();
    GradeReport report =
        standbyHarness != null
            ? Grader.grade(exercise, file, standbyHarness, seed)
            : Grader.grade(exercise, file, out, System.err, seed);
    String status = report.problems().isEmpty() ? "graded" : "problems";
    String trace = opts.get("trace");
    if (trace != null && !built.isEmpty()) {
      // The last interpreter a check built: what the timeline shows after a check.
      built.get(built.size() - 1).trace().writeJson(Path.of(trace));
    }
    answer(
        new WorkerResult(
            nonce,
            status,
            report.problems(),
            report.checks(),
            report.strayThreads(),
            "",
            List.of()));
  }

  /**
   * Loads the file (its top-level statements run); on an exercise whose file built no interpreter
   * of its own, runs the exercise's scenario on the file's code; then summarises every interpreter
   * built.
   */
  private static void run(Map<String, String> opts, PrintStream out) {
    List<Interpreter> built = new CopyOnWriteArrayList<>();
    Interpreter.observeBuilds(built::add, () -> run(opts, out, built));
  }

  private static void run(Map<String, String> opts, PrintStream out, List<Interpreter> built) {
    Path file = Path.of(require(opts, "file"));
    // Reset restores an exercise's own file; any other file is the learner's to fix.
    String exercise = opts.get("exercise");
    SourceFile.Result source =
        SourceFile.read(
            file,
            exercise == null
                ? "Check the path."
                : "Run './gilbook reset " + exercise + "' to restore the exercise.");
    if (source.failure().isPresent()) {
      answer(
          new WorkerResult(
              nonce, "problems", List.of(source.failure().get()), null, null, "", null));
      return;
    }
    List<gilbook.exercises.harness.Problem> problems = new ArrayList<>();
    try (JShellHarness harness = new JShellHarness(out, System.err)) {
      LoadResult loaded = harness.load(source.text());
      problems.addAll(loaded.problems());
      // A file whose own top-level code built an interpreter is an experiment: show that one.
      // Otherwise the exercise's scenario gives its code a GIL to work on.
      if (loaded.ok() && opts.containsKey("scenario") && built.isEmpty()) {
        problems.addAll(
            ScenarioJob.run(harness, require(opts, "contract"), opts.get("scenario"), out));
      }
    }
    List<String> lines = new ArrayList<>();
    for (Interpreter interp : built) {
      lines.addAll(summary(interp));
    }
    String trace = opts.get("trace");
    if (trace != null && !built.isEmpty()) {
      built.get(built.size() - 1).trace().writeJson(Path.of(trace));
    }
    String detail =
        built.isEmpty()
            ? "the file built no interpreter, so there is no GIL activity to summarise"
            : built.size() + " interpreter(s)";
    answer(
        new WorkerResult(
            nonce, problems.isEmpty() ? "ran" : "problems", problems, null, null, detail, lines));
  }

  static List<String> summary(Interpreter interp) {
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            "interpreter: %s clock, switch interval %.3f ms, %d GIL switches",
            interp.clock().isVirtual() ? "virtual" : "real",
            interp.switchInterval().toNanos() / 1e6,
            interp.gil().switchNumber()));
    lines.add(
        String.format(
            "  %-14s %10s %10s %10s %8s %12s %8s",
            "thread", "held ms", "waited ms", "blocked ms", "takes", "longest ms", "drop req"));
    for (ThreadStats s : interp.threadStats()) {
      lines.add(
          String.format(
              "  %-14s %10.3f %10.3f %10.3f %8d %12.3f %8d",
              s.name(),
              s.held() / 1e6,
              s.waited() / 1e6,
              s.blocked() / 1e6,
              s.acquisitions(),
              s.longestHold() / 1e6,
              s.dropRequestsCaused()));
    }
    return lines;
  }

  private static void dis(Map<String, String> opts) {
    Map<String, Object> data;
    try {
      data = DisJob.run(opts);
    } catch (RuntimeException | IOException e) {
      String message = e.getMessage() == null ? e.toString() : e.getMessage();
      answer(new WorkerResult(nonce, "problems", null, null, null, message, null));
      return;
    }
    answer(new WorkerResult(nonce, "ran", null, null, null, "", null, data));
  }

  private static void verify(Map<String, String> opts, PrintStream out) {
    Path root = Path.of(require(opts, "root"));
    int repeat = Integer.parseInt(opts.getOrDefault("repeat", "1"));
    String only = opts.getOrDefault("only", "");
    Set<String> ids =
        only.isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(only.split(",")));
    List<String> breaches;
    try {
      breaches = AuthoringContract.verify(root, line -> out.println("  " + line), repeat, ids);
    } catch (IllegalArgumentException e) {
      answer(result("error", List.of(), e.getMessage(), List.of()));
      return;
    }
    answer(new WorkerResult(nonce, "verified", null, null, null, "", breaches));
  }

  private static WorkerResult result(
      String status,
      List<gilbook.exercises.harness.Problem> problems,
      String detail,
      List<String> lines) {
    return new WorkerResult(nonce, status, problems, null, null, detail, lines);
  }

  /**
   * Sends the one answer this worker gives, naming any attempt to forge it ({@link Tampering});
   * later calls (say, a late watchdog) are ignored.
   */
  static void answer(WorkerResult result) {
    synchronized (ANSWER_LOCK) {
      if (ANSWERED.getAndSet(true)) {
        return;
      }
      reserve = null;
      try {
        channel.send(VerdictJson.write(Tampering.review(result, resultFile)));
      } catch (IOException | RuntimeException e) {
        System.err.println("gilbook worker: could not send the verdict: " + e);
      }
    }
    if ("timeout".equals(result.status())) {
      exit(0);
    }
  }

  private static String line(BufferedReader in) throws IOException {
    String line = in.readLine();
    return line == null ? "" : line.trim();
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> out = new HashMap<>();
    for (int i = 1; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected an option, got " + args[i]);
      }
      out.put(args[i].substring(2), args[i + 1]);
    }
    return out;
  }

  private static String require(Map<String, String> opts, String name) {
    String v = opts.get(name);
    if (v == null) {
      throw new IllegalArgumentException("the worker needs --" + name);
    }
    return v;
  }
}

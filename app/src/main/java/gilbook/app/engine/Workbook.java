package gilbook.app.engine;

import gilbook.exercises.grading.Seed;
import gilbook.exercises.manifest.Chapter;
import gilbook.exercises.manifest.Exercise;
import gilbook.exercises.manifest.Manifest;
import gilbook.exercises.manifest.ManifestException;
import gilbook.exercises.verify.CorpusFile;
import gilbook.exercises.worker.WorkerResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One workbook folder: its manifest, the learner's files and progress, and the operations the CLI
 * and the GUI share. It grades nothing itself: every check runs in a {@link WorkerProcess}. Not
 * thread-safe.
 */
public final class Workbook implements AutoCloseable {
  /** Where gilbook keeps its own state inside the workbook folder. */
  static final String STATE_DIR = ".gilbook";

  private final Path root;
  private final Manifest manifest;
  private final Progress progress;
  private WarmWorkers warm;

  private Workbook(Path root, Manifest manifest, Progress progress) {
    this.root = root;
    this.manifest = manifest;
    this.progress = progress;
  }

  /**
   * Opens the workbook at {@code root}.
   *
   * @throws EngineException if there is no valid manifest there
   */
  public static Workbook open(Path root) {
    try {
      Manifest m = Manifest.load(root);
      WorkerProcess.cacheDirectory(root.resolve(STATE_DIR).resolve("cache"));
      return new Workbook(root, m, Progress.load(root.resolve(STATE_DIR).resolve("progress.txt")));
    } catch (ManifestException e) {
      throw new EngineException(e.getMessage(), e);
    }
  }

  /**
   * Finds the workbook folder: {@code -Dgilbook.root} (the launcher sets it), else the first folder
   * from the current one upwards that has the manifest.
   */
  public static Path findRoot() {
    String prop = System.getProperty("gilbook.root");
    if (prop != null && !prop.isBlank()) {
      return Path.of(prop).toAbsolutePath();
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve(Manifest.FILE))) {
        return p;
      }
    }
    throw new EngineException(
        "no workbook here: no "
            + Manifest.FILE
            + " in this folder or above it. Run gilbook from"
            + " the folder you cloned, or use its ./gilbook launcher.");
  }

  public Path root() {
    return root;
  }

  public Manifest manifest() {
    return manifest;
  }

  public Progress progress() {
    return progress;
  }

  /** The exercise whose learner file is {@code file}, if it is one. */
  public Optional<Exercise> exerciseOf(Path file) {
    return manifest.exerciseAt(relative(file));
  }

  /** The exercise with this id, or an error listing the ids there are. */
  public Exercise exercise(String id) {
    return manifest
        .exercise(id)
        .or(() -> manifest.exerciseAt(relative(Path.of(id))))
        .orElseThrow(
            () ->
                new EngineException(
                    "no exercise '"
                        + id
                        + "'. Run './gilbook list' to see them; ids are "
                        + manifest.exercises().stream().map(Exercise::id).toList()));
  }

  private String relative(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    return abs.startsWith(root) ? root.relativize(abs).toString().replace('\\', '/') : p.toString();
  }

  public Path file(Exercise e) {
    return root.resolve(e.path());
  }

  public Path solutionFile(Exercise e) {
    return root.resolve(e.solutionPath());
  }

  public Chapter chapterOf(Exercise e) {
    return manifest.chapterOf(e);
  }

  /** The current exercise: the remembered one, else the first one not done. */
  public Exercise current() {
    Optional<Exercise> remembered = progress.current().flatMap(manifest::exercise);
    return remembered
        .filter(e -> !progress.isDone(e.id()))
        .or(this::firstPending)
        .or(() -> remembered)
        .orElse(manifest.exercises().get(0));
  }

  /** The first exercise, in order, that is not done. */
  public Optional<Exercise> firstPending() {
    return manifest.exercises().stream().filter(e -> !progress.isDone(e.id())).findFirst();
  }

  /** The exercise after {@code e}, if any. */
  public Optional<Exercise> next(Exercise e) {
    List<Exercise> all = manifest.exercises();
    int i = all.indexOf(e);
    return i >= 0 && i + 1 < all.size() ? Optional.of(all.get(i + 1)) : Optional.empty();
  }

  /**
   * Grades {@code file} against exercise {@code e} in a child JVM, and records a pass in progress
   * when it is the learner's own file.
   *
   * @param echo where to stream the learner's output live, or {@code null}
   */
  public CheckOutcome check(Exercise e, Path file, OutputStream echo) {
    return check(e, file, echo, null, new Cancellation(), Seed.fresh());
  }

  /**
   * Like {@link #check(Exercise, Path, OutputStream)}; also writes the GIL trace of the last
   * interpreter the checks built to {@code trace} (when not {@code null}), can be stopped through
   * {@code cancellation}, and draws the checks' inputs from {@code seed} (see {@link Seed}: a fresh
   * one for each check, or the one a failure showed, to repeat it).
   */
  public CheckOutcome check(
      Exercise e, Path file, OutputStream echo, Path trace, Cancellation cancellation, long seed) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "check",
                "--exercise",
                e.id(),
                "--contract",
                e.contract(),
                "--checks",
                e.checks(),
                "--file",
                file.toAbsolutePath().toString(),
                "--seed",
                Long.toString(Seed.check(seed))));
    if (trace != null) {
      args.add("--trace");
      args.add(trace.toAbsolutePath().toString());
    }
    boolean own = file.toAbsolutePath().normalize().equals(file(e).toAbsolutePath().normalize());
    if (own) {
      args.addAll(List.of("--learner-path", e.path())); // so the worker may advise reset
    }
    long limit = e.timeLimitSeconds() * 1000L;
    WorkerProcess.Outcome o =
        warm != null && echo == null
            ? warm.run(args, limit, cancellation)
            : WorkerProcess.run(args, limit, echo, cancellation);
    CheckOutcome outcome =
        cancellation.isCancelled()
            ? CheckOutcome.cancelled(e.id(), o, seed)
            : CheckOutcome.from(e.id(), display(file), o, e.timeLimitSeconds(), seed);
    // A stopped check says nothing about the code: it must not undo a done mark.
    if (!cancellation.isCancelled() && own) {
      if (outcome.passed()) {
        progress.markDone(e.id());
      } else {
        progress.markPending(e.id());
      }
    }
    return outcome;
  }

  /**
   * Keeps a warm spare worker from now on, so repeated checks (in {@code watch}, or the window)
   * skip JVM start-up. Call {@link #close()} when done, to stop the spare.
   */
  public void useWarmWorkers() {
    if (warm == null) {
      warm = new WarmWorkers();
      warm.prepare();
    }
  }

  /** Stops the warm spare worker, if any. */
  @Override
  public void close() {
    if (warm != null) {
      warm.close();
      warm = null;
    }
  }

  /** A path as the learner knows it: relative to the workbook when inside it. */
  public String display(Path file) {
    return relative(file);
  }

  /** The result of {@link #run}: the worker's answer and what the code printed. */
  public record RunOutcome(
      Optional<WorkerResult> result,
      boolean killed,
      int exitCode,
      String output,
      long dropped,
      int limitSeconds) {

    /**
     * Why the code did not run to its end, for the learner, or empty when it did; the wording is
     * {@link RunVerdictText#failure}'s, shared by the CLI and the window.
     */
    public Optional<String> failure() {
      return RunVerdictText.failure(this);
    }
  }

  /** Runs a file's top-level code in a child JVM, streaming its output to {@code echo}. */
  public RunOutcome run(Path file, int limitSeconds, Path trace, OutputStream echo) {
    return run(file, limitSeconds, trace, echo, new Cancellation());
  }

  /** Like {@link #run(Path, int, Path, OutputStream)}, stoppable through {@code cancellation}. */
  public RunOutcome run(
      Path file, int limitSeconds, Path trace, OutputStream echo, Cancellation cancellation) {
    return run(null, file, limitSeconds, trace, echo, cancellation);
  }

  /**
   * Runs {@code file} as exercise {@code e}: its top-level code, then the exercise's scenario (the
   * one its checks use, with a fixed seed) on the file's code, ungraded. So Run shows what the
   * learner's code does to the GIL before they press Check. An exercise without a scenario runs as
   * a plain file.
   */
  public RunOutcome run(
      Exercise e,
      Path file,
      int limitSeconds,
      Path trace,
      OutputStream echo,
      Cancellation cancellation) {
    List<String> args = new ArrayList<>(List.of("run", "--file", file.toAbsolutePath().toString()));
    if (e != null
        && file.toAbsolutePath().normalize().equals(file(e).toAbsolutePath().normalize())) {
      args.addAll(List.of("--exercise", e.id()));
    }
    if (e != null && e.scenario() != null) {
      args.addAll(List.of("--contract", e.contract(), "--scenario", e.scenario()));
      limitSeconds = Math.max(limitSeconds, e.timeLimitSeconds());
    }
    if (trace != null) {
      args.add("--trace");
      args.add(trace.toAbsolutePath().toString());
    }
    WorkerProcess.Outcome o = WorkerProcess.run(args, limitSeconds * 1000L, echo, cancellation);
    return new RunOutcome(
        o.result(), o.killed(), o.exitCode(), o.output(), o.droppedOutput(), limitSeconds);
  }

  /** How long verifying may take per repeat: far more than it needs, to stop only a hang. */
  private static final long VERIFY_LIMIT_MILLIS = 300_000;

  /**
   * Runs the authoring contract in a child JVM, grading each corpus file {@code repeat} times;
   * returns the breaches, or throws on failure.
   */
  public List<String> verify(OutputStream echo, int repeat) {
    return verify(echo, repeat, List.of());
  }

  /**
   * Like {@link #verify(OutputStream, int)}, grading only the exercises {@code ids} (every exercise
   * when it is empty); the whole workbook's lessons and orphan files are still checked.
   *
   * @throws EngineException if an id is not in the manifest
   */
  public List<String> verify(OutputStream echo, int repeat, List<String> ids) {
    List<String> unknown = ids.stream().filter(id -> manifest.exercise(id).isEmpty()).toList();
    if (!unknown.isEmpty()) {
      throw new EngineException(
          "no exercise "
              + String.join(", ", unknown)
              + " in this workbook; ./gilbook list shows the ids");
    }
    List<String> args =
        new ArrayList<>(
            List.of("verify", "--root", root.toString(), "--repeat", Integer.toString(repeat)));
    if (!ids.isEmpty()) {
      args.add("--only");
      args.add(String.join(",", ids));
    }
    WorkerProcess.Outcome o = WorkerProcess.run(args, VERIFY_LIMIT_MILLIS * repeat, echo);
    WorkerResult r =
        o.result()
            .orElseThrow(
                () ->
                    new EngineException(
                        "the verification worker ended without an answer (exit code "
                            + o.exitCode()
                            + "):\n"
                            + o.output()));
    if (!"verified".equals(r.status())) {
      throw new EngineException("verification could not run: " + r.detail());
    }
    List<String> breaches = new ArrayList<>(r.lines());
    breaches.addAll(verifyForgeries(echo, repeat, ids));
    return breaches;
  }

  /**
   * Grades each {@code forge-*.jsh} of the wrong corpora the way a learner's file is graded, in a
   * worker of its own, {@code repeat} times: the verification worker cannot grade a file that ends
   * or attacks the JVM it runs in. Returns a breach for each one that passed.
   */
  private List<String> verifyForgeries(OutputStream echo, int repeat, List<String> ids) {
    List<String> breaches = new ArrayList<>();
    for (Exercise e : manifest.exercises()) {
      if (!ids.isEmpty() && !ids.contains(e.id())) {
        continue;
      }
      for (CorpusFile f : CorpusFile.of(root, e.id())) {
        if (!f.throughAWorkerOnly()) {
          continue;
        }
        if (echo != null) {
          print(echo, "  grading " + f.display() + " in a worker of its own\n");
        }
        for (int run = 0; run < repeat; run++) {
          long seed = Seed.fresh();
          CheckOutcome o = check(e, f.path(), null, null, new Cancellation(), seed);
          if (o.passed()) {
            breaches.add(
                e.id()
                    + ": "
                    + f.display()
                    + " passes its checks (seed "
                    + seed
                    + "), yet it is wrong: "
                    + f.label()
                    + ". The worker must not let learner code forge or skip its verdict");
            break;
          }
        }
      }
    }
    return breaches;
  }

  private static void print(OutputStream out, String text) {
    try {
      out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException ignored) {
      // progress only
    }
  }

  /**
   * Reveals the next hint level of {@code e}, up to the last, or level {@code level} when it is
   * unlocked or next; returns the hints shown. The level is counted from the progress file as it is
   * now, so hints revealed by another gilbook process count too. The current exercise stays as it
   * is: peeking at another exercise's hint does not move the learner.
   */
  public List<String> hints(Exercise e, Integer level) {
    int[] shown = new int[1];
    progress.update(
        fresh -> {
          int unlocked = Math.min(fresh.hintLevel(e.id()), e.hints().size());
          int want = level == null ? Math.min(unlocked + 1, e.hints().size()) : level;
          if (want < 1 || want > e.hints().size()) {
            throw new EngineException(
                e.id()
                    + " has hint levels 1 to "
                    + e.hints().size()
                    + "; there is no level "
                    + want);
          }
          if (want > unlocked + 1) {
            throw new EngineException(
                "hint levels unlock one at a time: level "
                    + (unlocked + 1)
                    + " comes next. Run './gilbook hint "
                    + e.id()
                    + "'.");
          }
          shown[0] = want;
          return fresh.withHintLevelAtLeast(e.id(), want);
        });
    return e.hints().subList(0, shown[0]);
  }

  /**
   * Restores the shipped stub of {@code e}, after copying the learner's file into {@code
   * .gilbook/backups/} when it differs from the stub (an untouched file has nothing to keep).
   *
   * @return the backup's path, or empty when there was nothing to back up
   */
  public Optional<Path> reset(Exercise e) {
    Path file = file(e);
    Optional<Path> backup = Optional.empty();
    try {
      byte[] stub = stubBytes(e);
      boolean exists = Files.exists(file);
      if (exists && Arrays.equals(Files.readAllBytes(file), stub)) {
        progress.markPending(e.id());
        return backup; // already as shipped: nothing to keep, and nothing to write
      }
      if (exists) {
        Path dir = root.resolve(STATE_DIR).resolve("backups");
        Files.createDirectories(dir);
        String stamp =
            LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
        Path copy = dir.resolve(e.id() + "-" + stamp + ".jsh");
        Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
        backup = Optional.of(copy);
      }
      AtomicFiles.write(file, stub);
    } catch (IOException ex) {
      throw new EngineException("could not reset " + e.path() + ": " + ex.getMessage(), ex);
    }
    progress.markPending(e.id());
    return backup;
  }

  /**
   * Puts {@code backup}, a copy that {@link #reset} made, back as the learner's file of {@code e}.
   * Atomic, like every save: an editor or a {@code watch} reading meanwhile sees one version or the
   * other. The backup stays where it is.
   */
  public void restore(Exercise e, Path backup) {
    try {
      AtomicFiles.write(file(e), Files.readAllBytes(backup));
    } catch (IOException ex) {
      throw new EngineException(
          "could not restore the backup " + backup + ": " + ex.getMessage(), ex);
    }
  }

  /** Whether the learner's file of {@code e} is exactly the shipped stub (false when missing). */
  public boolean isAsShipped(Exercise e) {
    Path file = file(e);
    try {
      return Files.exists(file) && Arrays.equals(Files.readAllBytes(file), stubBytes(e));
    } catch (IOException ex) {
      throw new EngineException("could not read " + e.path() + ": " + ex.getMessage(), ex);
    }
  }

  private byte[] stubBytes(Exercise e) throws IOException {
    try (InputStream stub = stub(e)) {
      return stub.readAllBytes();
    }
  }

  private InputStream stub(Exercise e) {
    InputStream in = Workbook.class.getResourceAsStream("/" + e.stubResource());
    if (in == null) {
      throw new EngineException(
          "no shipped copy of " + e.path() + " in this build; rebuild gilbook (mvn -B install)");
    }
    return in;
  }
}

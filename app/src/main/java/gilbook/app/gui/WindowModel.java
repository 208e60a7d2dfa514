package gilbook.app.gui;

import gilbook.app.engine.Cancellation;
import gilbook.app.engine.CheckOutcome;
import gilbook.app.engine.EngineException;
import gilbook.app.engine.LessonBlocks;
import gilbook.app.engine.ListingRun;
import gilbook.app.engine.RunLimits;
import gilbook.app.engine.SolutionDiff;
import gilbook.app.engine.Workbook;
import gilbook.app.gui.lesson.RunnableListing;
import gilbook.app.gui.timeline.TraceModel;
import gilbook.exercises.grading.Seed;
import gilbook.exercises.harness.Problem;
import gilbook.exercises.manifest.Exercise;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * What the window shows, apart from how it shows it: the open exercise, whether a job is running,
 * the reset backup that Undo restores, the learner's hints and progress, the last GIL trace, and
 * the appearance (theme and zoom). The view binds to its read-only properties and calls its
 * actions; the model never touches a node.
 *
 * <p>Jobs (Run, Check, a lesson's listing) go to worker JVMs on one background thread, so the UI
 * thread never waits; their results, and every property change, arrive through {@code ui} (the FX
 * thread in the window). One job at a time: an action while {@link #busyProperty busy} does
 * nothing. Properties are read and actions called on the {@code ui} thread only.
 */
final class WindowModel implements AutoCloseable {
  /** How much presenter mode enlarges everything: readable from the back of a room. */
  static final double PRESENTER_SCALE = 1.5;

  static final double MIN_ZOOM = 0.6;
  static final double MAX_ZOOM = 3.0;

  /** How a Run ended: the engine's outcome, and whether the learner stopped it. */
  record RunEnd(Workbook.RunOutcome outcome, boolean stopped) {}

  private final Workbook workbook;
  private final Executor ui;
  private final ExecutorService background =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "gilbook-background");
            t.setDaemon(true);
            return t;
          });

  private final ReadOnlyObjectWrapper<Exercise> exercise = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
  private final ReadOnlyObjectWrapper<Path> backup = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyIntegerWrapper progressRevision = new ReadOnlyIntegerWrapper();
  private final ReadOnlyObjectWrapper<List<String>> hints = new ReadOnlyObjectWrapper<>(List.of());
  private final ReadOnlyObjectWrapper<List<Problem>> problems =
      new ReadOnlyObjectWrapper<>(List.of());
  private final ReadOnlyObjectWrapper<TraceModel> trace = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
  private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>();

  private final BooleanProperty dark = new SimpleBooleanProperty(false);
  private final BooleanProperty presenter = new SimpleBooleanProperty(false);
  private final DoubleProperty userZoom = new SimpleDoubleProperty(1.0);
  private final DoubleBinding zoom =
      Bindings.createDoubleBinding(
          () -> userZoom.get() * (presenter.get() ? PRESENTER_SCALE : 1.0), userZoom, presenter);

  private Cancellation running;
  private String progressWarningShown;

  WindowModel(Workbook workbook, Executor ui) {
    this.workbook = workbook;
    this.ui = ui;
    showNewProgressWarning();
  }

  Workbook workbook() {
    return workbook;
  }

  // ---------------------------------------------------------------- read-only state

  /** The exercise open in the editor, or null before the first is opened. */
  ReadOnlyObjectProperty<Exercise> exerciseProperty() {
    return exercise.getReadOnlyProperty();
  }

  Exercise exercise() {
    return exercise.get();
  }

  /** True while a Run, a Check or a listing runs; Stop ends it. */
  ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  /** The learner's version saved by the last reset of the open exercise, for Undo; or null. */
  ReadOnlyObjectProperty<Path> backupProperty() {
    return backup.getReadOnlyProperty();
  }

  /** Counts changes to the progress (marks, hints), made here or by another gilbook process. */
  ReadOnlyIntegerProperty progressRevisionProperty() {
    return progressRevision.getReadOnlyProperty();
  }

  /** The hints of the open exercise that the learner has unlocked, in order. */
  ReadOnlyObjectProperty<List<String>> hintsProperty() {
    return hints.getReadOnlyProperty();
  }

  /** Compile errors and exceptions of the last Run or Check, by line, for the editor's marks. */
  ReadOnlyObjectProperty<List<Problem>> problemsProperty() {
    return problems.getReadOnlyProperty();
  }

  /** The GIL trace of the last job that built an interpreter. */
  ReadOnlyObjectProperty<TraceModel> traceProperty() {
    return trace.getReadOnlyProperty();
  }

  /** One line about the last thing that happened, for the status bar. */
  ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** What the notice bar shows, or null when it is hidden. */
  ReadOnlyObjectProperty<Notice> noticeProperty() {
    return notice.getReadOnlyProperty();
  }

  // ---------------------------------------------------------------- appearance

  BooleanProperty darkProperty() {
    return dark;
  }

  BooleanProperty presenterProperty() {
    return presenter;
  }

  /**
   * The scale of the whole window: the learner's own zoom times presenter mode's. Kept apart, so
   * that turning presenter mode off gives back exactly the zoom the learner had.
   */
  DoubleBinding zoomProperty() {
    return zoom;
  }

  double userZoom() {
    return userZoom.get();
  }

  void zoomIn() {
    userZoom.set(Math.min(MAX_ZOOM, round(userZoom.get() + 0.1)));
  }

  void zoomOut() {
    userZoom.set(Math.max(MIN_ZOOM, round(userZoom.get() - 0.1)));
  }

  /** Tenths, so that ten steps in and ten out land exactly where they began. */
  private static double round(double zoom) {
    return Math.round(zoom * 10) / 10.0;
  }

  // ---------------------------------------------------------------- navigation

  /** Opens {@code e}: it becomes the current exercise, here and in the progress. */
  void open(Exercise e) {
    exercise.set(e);
    problems.set(List.of());
    backup.set(null);
    try {
      workbook.progress().current(e.id());
    } catch (EngineException ex) {
      status.set(ex.getMessage());
    }
    hints.set(unlockedHints(e));
  }

  private List<String> unlockedHints(Exercise e) {
    int unlocked = Math.min(workbook.progress().hintLevel(e.id()), e.hints().size());
    return List.copyOf(e.hints().subList(0, unlocked));
  }

  /**
   * The progress changed, often in another gilbook process (a {@code check} in a terminal): the
   * marks and the open exercise's hints follow it.
   */
  void progressChanged() {
    progressRevision.set(progressRevision.get() + 1);
    if (exercise.get() != null) {
      hints.set(unlockedHints(exercise.get()));
    }
    showNewProgressWarning();
  }

  private void showNewProgressWarning() {
    workbook
        .progress()
        .warning()
        .filter(w -> !w.equals(progressWarningShown))
        .ifPresent(
            w -> {
              progressWarningShown = w;
              notice.set(Notice.of("Progress file damaged: " + w));
            });
  }

  void dismissNotice() {
    notice.set(null);
  }

  // ---------------------------------------------------------------- jobs

  /**
   * Runs the open exercise's file, its output streaming to {@code console}; completes on the UI
   * thread, or never starts (empty) when no exercise is open or a job is running.
   */
  Optional<CompletionStage<RunEnd>> run(OutputStream console) {
    Exercise ran = exercise.get();
    if (ran == null || running != null) {
      return Optional.empty();
    }
    Path file = workbook.file(ran);
    Path traceFile = tempTrace();
    Cancellation cancellation = begin();
    return Optional.of(
        job(
            () -> workbook.run(ran, file, RunLimits.SECONDS, traceFile, console, cancellation),
            outcome -> {
              RunEnd end = new RunEnd(outcome, cancellation.isCancelled());
              if (!end.stopped() && outcome.result().isPresent()) {
                problems.set(List.copyOf(outcome.result().get().problems()));
                readTrace(traceFile);
              }
              return end;
            }));
  }

  /** Grades the open exercise with a fresh seed; completes on the UI thread. */
  Optional<CompletionStage<CheckOutcome>> check() {
    Exercise e = exercise.get();
    if (e == null || running != null) {
      return Optional.empty();
    }
    Path traceFile = tempTrace();
    Cancellation cancellation = begin();
    return Optional.of(
        job(
            () -> workbook.check(e, workbook.file(e), null, traceFile, cancellation, Seed.fresh()),
            outcome -> {
              problems.set(List.copyOf(outcome.problems()));
              progressRevision.set(progressRevision.get() + 1);
              readTrace(traceFile);
              if (outcome.passed()) {
                offerNext(e);
              }
              return outcome;
            }));
  }

  /**
   * Runs a {@code ```dis} listing from a lesson in simulated threads; completes on the UI thread.
   */
  Optional<CompletionStage<ListingRun.Outcome>> runListing(RunnableListing listing) {
    if (running != null) {
      return Optional.empty();
    }
    Path traceFile = tempTrace();
    Cancellation cancellation = begin();
    return Optional.of(
        job(
            () -> ListingRun.run(listing.listing(), listing.options(), traceFile, cancellation),
            outcome -> {
              readTrace(traceFile);
              return outcome;
            }));
  }

  /**
   * Runs a lesson's {@code ```jshell} block as {@link #run} runs a file (the runtime's imports
   * preloaded), its output streaming to {@code console}; the trace of the last interpreter it built
   * goes to {@link #traceProperty()}. Completes on the UI thread, or never starts (empty) when a
   * job is running. The editor's error marks are left alone: the problems are in the lesson.
   */
  Optional<CompletionStage<RunEnd>> runBlock(
      Path lesson, LessonBlocks.Block block, OutputStream console) {
    if (running != null) {
      return Optional.empty();
    }
    Path traceFile = tempTrace();
    Cancellation cancellation = begin();
    return Optional.of(
        job(
            () -> LessonBlocks.run(workbook, lesson, block, traceFile, console, cancellation),
            outcome -> {
              RunEnd end = new RunEnd(outcome, cancellation.isCancelled());
              if (!end.stopped() && outcome.result().isPresent()) {
                readTrace(traceFile);
              }
              return end;
            }));
  }

  /** Stops the running job, if any. */
  void cancel() {
    if (running != null) {
      running.cancel();
    }
  }

  private Cancellation begin() {
    running = new Cancellation();
    busy.set(true);
    return running;
  }

  private void end() {
    running = null;
    busy.set(false);
  }

  /**
   * Does {@code work} on the background thread, then {@code finish} on the UI thread. A job that
   * throws ends with a notice, and the stage completes exceptionally.
   */
  private <T, R> CompletionStage<R> job(
      Supplier<T> work, java.util.function.Function<T, R> finish) {
    CompletableFuture<R> done = new CompletableFuture<>();
    CompletableFuture.supplyAsync(work, background)
        .whenCompleteAsync(
            (value, failure) -> {
              end();
              if (failure != null) {
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                notice.set(Notice.of("Something went wrong: " + cause.getMessage()));
                done.completeExceptionally(cause);
                return;
              }
              try {
                done.complete(finish.apply(value));
              } catch (RuntimeException ex) {
                done.completeExceptionally(ex);
              }
            },
            ui);
    return done;
  }

  private void offerNext(Exercise done) {
    Optional<Exercise> next = workbook.next(done);
    notice.set(
        next.isPresent()
            ? new Notice("✓ " + done.title() + " is done. On to " + next.get().title() + "?", next)
            : Notice.of("✓ That was the last exercise. Well done!"));
  }

  private void readTrace(Path file) {
    if (file == null || !Files.isRegularFile(file)) {
      return;
    }
    try {
      trace.set(TraceModel.read(file));
    } catch (RuntimeException ex) {
      status.set("could not read the GIL trace: " + ex.getMessage());
    } finally {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // a temporary file
      }
    }
  }

  private static Path tempTrace() {
    try {
      Path p = Files.createTempFile("gilbook-trace", ".json");
      Files.delete(p); // the worker writes it only if the code built an interpreter
      return p;
    } catch (IOException e) {
      return null;
    }
  }

  // ---------------------------------------------------------------- hints, solution, reset

  /** Unlocks the next hint level of the open exercise. */
  void hint() {
    Exercise e = exercise.get();
    if (e == null) {
      return;
    }
    try {
      hints.set(List.copyOf(workbook.hints(e, null)));
      progressRevision.set(progressRevision.get() + 1); // the hint re-read marks made elsewhere
    } catch (EngineException ex) {
      notice.set(Notice.of(ex.getMessage()));
    }
  }

  /**
   * The learner's code beside the solution's, compared by the engine; empty (with a notice) when a
   * file cannot be read.
   */
  Optional<SolutionDiff> solution() {
    Exercise e = exercise.get();
    if (e == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(SolutionDiff.read(workbook.file(e), workbook.solutionFile(e)));
    } catch (EngineException ex) {
      notice.set(Notice.of("Could not show the solution: " + ex.getMessage()));
      return Optional.empty();
    }
  }

  /**
   * Restores the open exercise's stub; the learner's version goes to a backup that {@link
   * #undoReset} brings back. True when the file changed.
   */
  boolean reset() {
    Exercise e = exercise.get();
    if (e == null) {
      return false;
    }
    try {
      Optional<Path> saved = workbook.reset(e);
      backup.set(saved.orElse(null));
      progressRevision.set(progressRevision.get() + 1);
      status.set(saved.map(b -> "reset; your version was saved to " + b).orElse("reset"));
      return true;
    } catch (EngineException ex) {
      notice.set(Notice.of(ex.getMessage()));
      return false;
    }
  }

  /** Puts back the version saved by the last reset. True when the file changed. */
  boolean undoReset() {
    Exercise e = exercise.get();
    Path saved = backup.get();
    if (e == null || saved == null) {
      return false;
    }
    backup.set(null);
    try {
      workbook.restore(e, saved);
      status.set("your version is back (the backup stays at " + saved + ")");
      return true;
    } catch (EngineException ex) {
      notice.set(Notice.of(ex.getMessage()));
      return false;
    }
  }

  /** Stops background work; called when the window closes. */
  @Override
  public void close() {
    cancel();
    background.shutdownNow();
  }
}

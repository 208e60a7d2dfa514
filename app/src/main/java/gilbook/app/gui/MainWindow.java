package gilbook.app.gui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import gilbook.app.engine.Cancellation;
import gilbook.app.engine.CheckOutcome;
import gilbook.app.engine.EngineException;
import gilbook.app.engine.Workbook;
import gilbook.app.gui.editor.CodeEditor;
import gilbook.app.gui.lesson.LessonView;
import gilbook.app.gui.panels.ChecksPanel;
import gilbook.app.gui.panels.ConsolePane;
import gilbook.app.gui.panels.JShellConsole;
import gilbook.app.gui.timeline.TimelinePane;
import gilbook.app.gui.timeline.TraceModel;
import gilbook.exercises.harness.Problem;
import gilbook.exercises.manifest.Chapter;
import gilbook.exercises.manifest.Exercise;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The workbook window: chapters on the left, the lesson beside the learner's code, and below them
 * the check results, the run console, the GIL timeline and a JShell console.
 *
 * <p>It binds to the engine and grades or simulates nothing itself: Run and Check go to worker JVMs
 * on a background thread, so the FX thread never waits, and both can be cancelled. FX thread only.
 */
public final class MainWindow extends BorderPane {
  private static final int RUN_LIMIT_SECONDS = 30;

  private final Workbook workbook;
  private final ExecutorService background =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "gilbook-background");
            t.setDaemon(true);
            return t;
          });

  private final ChapterTree chapters;
  private final LessonView lesson = new LessonView();
  private final CodeEditor editor = new CodeEditor();
  private final ChecksPanel checks = new ChecksPanel();
  private final ConsolePane console = new ConsolePane();
  private final TimelinePane timeline = new TimelinePane();
  private final JShellConsole jshell = new JShellConsole();
  private final TabPane bottomTabs = new TabPane();
  private final Tab checksTab = new Tab("Checks", checks);
  private final Tab consoleTab = new Tab("Console", console);
  private final Tab timelineTab = new Tab("GIL timeline", timeline);
  private final Tab jshellTab = new Tab("JShell", jshell);

  private final Label fileLabel = new Label();
  private final Label status = new Label();
  private final HBox notice = new HBox(8);
  private final ProgressIndicator busy = new ProgressIndicator();
  private final Button runButton = new Button("▶ Run");
  private final Button checkButton = new Button("✓ Check");
  private final Button cancelButton = new Button("■ Stop");
  private final Button undoResetButton = new Button("Undo reset");

  private final SplitPane center;
  private final BooleanProperty dark = new SimpleBooleanProperty(false);
  private final BooleanProperty presenter = new SimpleBooleanProperty(false);
  private final DoubleProperty zoom = new SimpleDoubleProperty(1.0);

  private final ProgressWatch progressWatch;

  private Exercise exercise;
  private Cancellation running;
  private Path lastBackup;
  private String progressWarningShown;

  public MainWindow(Workbook workbook) {
    this.workbook = workbook;
    getStyleClass().add("main-window");
    chapters = new ChapterTree(workbook, this::onSelect);
    chapters.setPrefWidth(260);
    chapters.setPadding(new Insets(8));

    for (Tab t : List.of(checksTab, consoleTab, timelineTab, jshellTab)) {
      t.setClosable(false);
    }
    bottomTabs.getTabs().setAll(checksTab, consoleTab, timelineTab, jshellTab);
    bottomTabs
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (obs, old, now) -> {
              if (now == jshellTab) {
                jshell.start();
              }
            });

    fileLabel.getStyleClass().add("file-label");
    editor.statusProperty().addListener((obs, old, now) -> status.setText(now));
    VBox code = new VBox(4, fileLabel, editor);
    VBox.setVgrow(editor, Priority.ALWAYS);
    code.setPadding(new Insets(4));

    SplitPane top = new SplitPane(lesson, code);
    top.setDividerPositions(0.48);
    center = new SplitPane(top, bottomTabs);
    center.setOrientation(Orientation.VERTICAL);
    center.setDividerPositions(0.64);

    notice.getStyleClass().add("notice-bar");
    notice.setVisible(false);
    notice.setManaged(false);
    notice.setPadding(new Insets(6, 10, 6, 10));

    setTop(new VBox(toolbar(), notice));
    setLeft(chapters);
    setCenter(center);
    setBottom(statusBar());

    lesson.setOnOpenLesson(this::openLessonFile);
    lesson.setOnRunListing(this::runListing);
    lesson.themeProperty().bind(dark);
    lesson.zoomProperty().bind(zoom);
    timeline.darkProperty().bind(dark);
    zoom.addListener((obs, old, now) -> applyZoom());
    presenter.addListener((obs, old, now) -> zoom.set(now ? 1.5 : 1.0));

    showNewProgressWarning();
    progressWatch = new ProgressWatch(workbook.progress(), this::progressChanged);
  }

  /** Where web links in lessons open: the system browser, given by the application. */
  public void setOnExternalLink(java.util.function.Consumer<String> opener) {
    lesson.setOnExternalLink(opener);
  }

  /** Opens the learner's last position, or chapter 1 on the first launch. */
  public void openStart() {
    chapters.select(workbook.current());
  }

  // ---------------------------------------------------------------- layout pieces

  private ToolBar toolbar() {
    runButton.setOnAction(e -> run());
    checkButton.setOnAction(e -> check());
    cancelButton.setOnAction(e -> cancel());
    cancelButton.setDisable(true);
    Button hint = new Button("Hint");
    hint.setOnAction(e -> hint());
    Button solution = new Button("Solution…");
    solution.setOnAction(e -> solution());
    Button reset = new Button("Reset…");
    reset.setOnAction(e -> reset());
    undoResetButton.setOnAction(e -> undoReset());
    undoResetButton.setVisible(false);
    undoResetButton.setManaged(false);
    runButton.setId("run");
    checkButton.setId("check");
    hint.setId("hint");
    reset.setId("reset");
    undoResetButton.setId("undo-reset");
    solution.setId("solution");
    checkButton.getStyleClass().add("primary-action");

    ToggleButton darkToggle = new ToggleButton("Dark");
    darkToggle.selectedProperty().bindBidirectional(dark);
    dark.addListener((obs, old, now) -> applyTheme());
    ToggleButton presenterToggle = new ToggleButton("Presenter");
    presenterToggle.selectedProperty().bindBidirectional(presenter);
    busy.setVisible(false);
    busy.setPrefSize(18, 18);
    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    return new ToolBar(
        runButton,
        checkButton,
        cancelButton,
        busy,
        new Separator(Orientation.VERTICAL),
        hint,
        solution,
        reset,
        undoResetButton,
        grow,
        presenterToggle,
        darkToggle);
  }

  private HBox statusBar() {
    HBox bar = new HBox(status);
    bar.getStyleClass().add("status-bar");
    bar.setPadding(new Insets(3, 8, 3, 8));
    return bar;
  }

  /** Installs the keyboard shortcuts on the scene. */
  public void installShortcuts(Scene scene) {
    scene
        .getAccelerators()
        .put(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), this::run);
    scene
        .getAccelerators()
        .put(
            new KeyCodeCombination(
                KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
            this::check);
    scene
        .getAccelerators()
        .put(
            new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN),
            () -> zoom.set(Math.min(3.0, zoom.get() + 0.1)));
    scene
        .getAccelerators()
        .put(
            new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHORTCUT_DOWN),
            () -> zoom.set(Math.min(3.0, zoom.get() + 0.1)));
    scene
        .getAccelerators()
        .put(
            new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN),
            () -> zoom.set(Math.max(0.6, zoom.get() - 0.1)));
    scene
        .getAccelerators()
        .put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), editor::save);
  }

  private void applyTheme() {
    Application.setUserAgentStylesheet(
        dark.get()
            ? new PrimerDark().getUserAgentStylesheet()
            : new PrimerLight().getUserAgentStylesheet());
    getStyleClass().removeAll("dark", "light");
    getStyleClass().add(dark.get() ? "dark" : "light");
  }

  private void applyZoom() {
    setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", 13 * zoom.get()));
  }

  // ---------------------------------------------------------------- navigation

  private void onSelect(ChapterTree.Entry entry) {
    if (entry.exercise() == null) {
      openLesson(entry.chapter());
      return;
    }
    openExercise(entry.exercise());
  }

  private void openExercise(Exercise e) {
    editor.save();
    exercise = e;
    Chapter chapter = workbook.chapterOf(e);
    openLesson(chapter);
    editor.open(workbook.file(e));
    fileLabel.setText(e.title() + "   ·   " + e.path());
    rememberCurrent(e);
    checks.idle();
    showUnlockedHints(e);
    hideUndoReset();
  }

  private void showUnlockedHints(Exercise e) {
    int unlocked = Math.min(workbook.progress().hintLevel(e.id()), e.hints().size());
    checks.showHints(e.hints().subList(0, unlocked), e.hints().size());
  }

  /**
   * The progress changed, often in another gilbook process (a {@code check} in a terminal): the
   * tree's marks and the open exercise's hints follow it.
   */
  private void progressChanged() {
    chapters.refresh();
    if (exercise != null) {
      showUnlockedHints(exercise);
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
              showNotice("Progress file damaged: " + w, null, null);
            });
  }

  private void openLesson(Chapter chapter) {
    Path file = workbook.root().resolve(chapter.lesson()).toAbsolutePath().normalize();
    if (!file.equals(lesson.currentLesson())) {
      lesson.show(file);
    }
  }

  private void openLessonFile(Path lessonFile) {
    for (Chapter c : workbook.manifest().chapters()) {
      if (workbook.root().resolve(c.lesson()).normalize().equals(lessonFile.normalize())) {
        if (!c.exercises().isEmpty()) {
          chapters.select(c.exercises().get(0));
        } else {
          lesson.show(lessonFile);
        }
        return;
      }
    }
    lesson.show(lessonFile);
  }

  // ---------------------------------------------------------------- actions

  /** Runs the current exercise file; its output streams into the console. */
  public void run() {
    if (exercise == null || running != null) {
      return;
    }
    editor.save();
    Exercise ran = exercise;
    Path file = workbook.file(ran);
    Path trace = tempTrace();
    Cancellation cancellation = begin();
    console.reset("▶ running " + ran.path());
    bottomTabs.getSelectionModel().select(consoleTab);
    Task<Workbook.RunOutcome> task =
        new Task<>() {
          @Override
          protected Workbook.RunOutcome call() {
            return workbook.run(
                ran, file, RUN_LIMIT_SECONDS, trace, console.stream(), cancellation);
          }
        };
    task.setOnSucceeded(
        e -> {
          end();
          Workbook.RunOutcome o = task.getValue();
          if (cancellation.isCancelled()) {
            console.print("\n■ stopped\n");
          } else if (o.failure().isPresent()) {
            console.print("\n✗ " + o.failure().get() + "\n");
          } else {
            var r = o.result().get();
            markProblems(r.problems());
            for (Problem p : r.problems()) {
              console.print("\n✗ " + p.format(ran.path()));
            }
            console.print("\n" + String.join("\n", r.lines()) + "\n");
            showTrace(trace);
          }
        });
    task.setOnFailed(e -> failed(task.getException()));
    background.execute(task);
  }

  /** Grades the current exercise; the rows appear in the Checks tab. */
  public void check() {
    if (exercise == null || running != null) {
      return;
    }
    editor.save();
    Exercise e = exercise;
    Path trace = tempTrace();
    Cancellation cancellation = begin();
    checks.running(e.id());
    bottomTabs.getSelectionModel().select(checksTab);
    Task<CheckOutcome> task =
        new Task<>() {
          @Override
          protected CheckOutcome call() {
            return workbook.check(
                e,
                workbook.file(e),
                null,
                trace,
                cancellation,
                gilbook.exercises.grading.Seed.fresh());
          }
        };
    task.setOnSucceeded(
        ev -> {
          end();
          CheckOutcome o = task.getValue();
          checks.show(o);
          markProblems(o.problems());
          chapters.refresh();
          showTrace(trace);
          if (o.passed()) {
            offerNext(e);
          }
        });
    task.setOnFailed(ev -> failed(task.getException()));
    background.execute(task);
  }

  /** Runs a {@code ```dis} listing from the lesson in simulated threads; shows its timeline. */
  public void runListing(gilbook.app.gui.lesson.RunnableListing listing) {
    if (running != null) {
      return;
    }
    Path trace = tempTrace();
    Cancellation cancellation = begin();
    console.reset("▶ running the lesson's listing " + listing.options());
    bottomTabs.getSelectionModel().select(consoleTab);
    Task<gilbook.app.engine.ListingRun.Outcome> task =
        new Task<>() {
          @Override
          protected gilbook.app.engine.ListingRun.Outcome call() {
            return gilbook.app.engine.ListingRun.run(
                listing.listing(), listing.options(), trace, cancellation);
          }
        };
    task.setOnSucceeded(
        e -> {
          end();
          var outcome = task.getValue();
          if (outcome.data().isEmpty()) {
            console.print("\n✗ " + outcome.problem() + "\n");
            return;
          }
          Map<String, Object> data = outcome.data().get();
          console.print(String.valueOf(data.getOrDefault("stdout", "")));
          console.print("\nargs:    " + data.get("args"));
          console.print("\nglobals: " + data.get("globals"));
          console.print(
              "\nGIL switches: "
                  + data.get("switches")
                  + ", bytecodes: "
                  + data.get("instructions")
                  + "\n");
          Object errors = data.get("errors");
          if (errors instanceof Map<?, ?> m && !m.isEmpty()) {
            console.print("✗ " + m + "\n");
          }
          showTrace(trace);
          showTimeline();
        });
    task.setOnFailed(e -> failed(task.getException()));
    background.execute(task);
  }

  /** Stops the running check or run. */
  public void cancel() {
    if (running != null) {
      running.cancel();
    }
  }

  /** Reveals the next hint level. */
  public void hint() {
    if (exercise == null) {
      return;
    }
    try {
      List<String> shown = workbook.hints(exercise, null);
      checks.showHints(shown, exercise.hints().size());
      chapters.refresh(); // the hint re-read the file, with any marks made elsewhere
      bottomTabs.getSelectionModel().select(checksTab);
    } catch (EngineException ex) {
      showNotice(ex.getMessage(), null, null);
    }
  }

  /** After a confirmation, shows the solution beside the learner's file. */
  public void solution() {
    if (exercise == null) {
      return;
    }
    Alert confirm =
        new Alert(
            Alert.AlertType.CONFIRMATION,
            "The solution teaches most after you have tried. Show it?",
            ButtonType.YES,
            ButtonType.NO);
    confirm.setHeaderText("Show the solution for " + exercise.title() + "?");
    confirm.initOwner(getScene().getWindow());
    if (confirm.showAndWait().orElse(ButtonType.NO) != ButtonType.YES) {
      return;
    }
    editor.save();
    try {
      List<String> mine =
          Files.exists(workbook.file(exercise))
              ? Files.readAllLines(workbook.file(exercise))
              : List.of();
      List<String> theirs = Files.readAllLines(workbook.solutionFile(exercise));
      SolutionDialog dialog = new SolutionDialog(exercise.id(), mine, theirs);
      dialog.initOwner(getScene().getWindow());
      dialog.show();
    } catch (IOException ex) {
      showNotice("Could not read the solution: " + ex.getMessage(), null, null);
    }
  }

  /** After a confirmation, restores the stub; the learner's version is backed up and undoable. */
  public void reset() {
    if (exercise == null) {
      return;
    }
    Alert confirm =
        new Alert(
            Alert.AlertType.CONFIRMATION,
            "Your version is kept in a backup, and Undo brings it back.",
            ButtonType.YES,
            ButtonType.NO);
    confirm.setHeaderText("Restore " + exercise.title() + " as shipped?");
    confirm.initOwner(getScene().getWindow());
    if (confirm.showAndWait().orElse(ButtonType.NO) == ButtonType.YES) {
      resetNow();
    }
  }

  /** Resets without asking (the confirmation already happened, or a test drives it). */
  void resetNow() {
    editor.save();
    try {
      Optional<Path> backup = workbook.reset(exercise);
      lastBackup = backup.orElse(null);
      editor.open(workbook.file(exercise));
      chapters.refresh();
      undoResetButton.setVisible(lastBackup != null);
      undoResetButton.setManaged(lastBackup != null);
      status.setText(backup.map(b -> "reset; your version was saved to " + b).orElse("reset"));
    } catch (EngineException ex) {
      showNotice(ex.getMessage(), null, null);
    }
  }

  /** Puts back the learner's version saved by the last reset. */
  public void undoReset() {
    if (lastBackup == null || exercise == null) {
      return;
    }
    try {
      // Atomic, like every save: an editor or watch reading meanwhile sees one version or the
      // other.
      gilbook.app.engine.AtomicFiles.write(workbook.file(exercise), Files.readAllBytes(lastBackup));
      editor.open(workbook.file(exercise));
      status.setText("your version is back (the backup stays at " + lastBackup + ")");
    } catch (IOException ex) {
      showNotice("Could not restore the backup " + lastBackup + ": " + ex.getMessage(), null, null);
    }
    hideUndoReset();
  }

  private void hideUndoReset() {
    undoResetButton.setVisible(false);
    undoResetButton.setManaged(false);
  }

  // ---------------------------------------------------------------- helpers

  private Cancellation begin() {
    running = new Cancellation();
    busy.setVisible(true);
    runButton.setDisable(true);
    checkButton.setDisable(true);
    cancelButton.setDisable(false);
    return running;
  }

  private void end() {
    running = null;
    busy.setVisible(false);
    runButton.setDisable(false);
    checkButton.setDisable(false);
    cancelButton.setDisable(true);
  }

  private void failed(Throwable t) {
    end();
    showNotice("Something went wrong: " + t.getMessage(), null, null);
  }

  private void offerNext(Exercise done) {
    Optional<Exercise> next = workbook.next(done);
    if (next.isPresent()) {
      showNotice(
          "✓ " + done.title() + " is done. On to " + next.get().title() + "?",
          "Next exercise →",
          () -> chapters.select(next.get()));
    } else {
      showNotice("✓ That was the last exercise. Well done!", null, null);
    }
  }

  private void showNotice(String text, String actionLabel, Runnable action) {
    Label label = new Label(text);
    label.setWrapText(true);
    Button close = new Button("✕");
    close.setOnAction(e -> hideNotice());
    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    notice.getChildren().setAll(label, grow);
    if (actionLabel != null) {
      Button act = new Button(actionLabel);
      act.setId("notice-action");
      act.setOnAction(
          e -> {
            hideNotice();
            action.run();
          });
      notice.getChildren().add(act);
    }
    notice.getChildren().add(close);
    notice.setVisible(true);
    notice.setManaged(true);
  }

  private void hideNotice() {
    notice.setVisible(false);
    notice.setManaged(false);
  }

  private void markProblems(List<Problem> problems) {
    Map<Integer, String> byLine = new LinkedHashMap<>();
    for (Problem p : problems) {
      if (p.line() > 0) {
        byLine.merge(p.line(), p.message(), (a, b) -> a + "; " + b);
      }
    }
    editor.markErrors(byLine);
  }

  private void showTrace(Path trace) {
    if (trace == null || !Files.isRegularFile(trace)) {
      return;
    }
    try {
      timeline.setTrace(TraceModel.read(trace));
    } catch (RuntimeException ex) {
      status.setText("could not read the GIL trace: " + ex.getMessage());
    } finally {
      try {
        Files.deleteIfExists(trace);
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

  /** Opening an exercise makes it the current one (a hint alone never does). */
  private void rememberCurrent(Exercise e) {
    try {
      workbook.progress().current(e.id());
    } catch (EngineException ex) {
      status.setText(ex.getMessage());
    }
  }

  /** Saves everything and stops background work; called when the window closes. */
  public void shutdown() {
    editor.dispose();
    progressWatch.close();
    cancel();
    jshell.dispose();
    background.shutdownNow();
    workbook.close();
  }

  /** Brings the GIL timeline tab to the front, with room for its lanes. */
  void showTimeline() {
    bottomTabs.getSelectionModel().select(timelineTab);
    center.setDividerPositions(0.38);
  }

  // ---------------------------------------------------------------- for tests

  private String onDisk() {
    if (exercise == null) {
      return "-";
    }
    try {
      String text = Files.readString(workbook.file(exercise));
      return text.length()
          + " characters"
          + (text.equals(editor.text()) ? ", the editor's text" : ", not the editor's text");
    } catch (IOException e) {
      return e.toString();
    }
  }

  /** What the window shows now, in a few lines: for a test's failure message. */
  String describeState() {
    String out = console.getText();
    return "exercise: "
        + (exercise == null ? "none" : exercise.id())
        + "\nbusy: "
        + busy()
        + "\nstatus: "
        + status.getText()
        + "\nnotice: "
        + (notice.isVisible() ? ((Label) notice.getChildren().get(0)).getText() : "none")
        + "\nchecks: "
        + checks.describe()
        + "\neditor: "
        + editor.text().length()
        + " characters, dirty "
        + editor.dirtyProperty().get()
        + "; on disk: "
        + onDisk()
        + "\nconsole (last 2000 chars):\n"
        + out.substring(Math.max(0, out.length() - 2000));
  }

  CodeEditor editor() {
    return editor;
  }

  ChecksPanel checks() {
    return checks;
  }

  ConsolePane console() {
    return console;
  }

  TimelinePane timeline() {
    return timeline;
  }

  LessonView lesson() {
    return lesson;
  }

  JShellConsole jshell() {
    return jshell;
  }

  Exercise exercise() {
    return exercise;
  }

  boolean busy() {
    return running != null;
  }

  BooleanProperty darkProperty() {
    return dark;
  }

  DoubleProperty zoomProperty() {
    return zoom;
  }

  Label statusLabel() {
    return status;
  }

  void selectExercise(Exercise e) {
    chapters.select(e);
  }
}

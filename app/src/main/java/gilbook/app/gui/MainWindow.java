package gilbook.app.gui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import gilbook.app.engine.LessonBlocks;
import gilbook.app.engine.ListingRun;
import gilbook.app.engine.RunVerdictText;
import gilbook.app.engine.Workbook;
import gilbook.app.gui.editor.CodeEditor;
import gilbook.app.gui.lesson.LessonView;
import gilbook.app.gui.lesson.RunnableListing;
import gilbook.app.gui.panels.ChecksPanel;
import gilbook.app.gui.panels.ConsolePane;
import gilbook.app.gui.panels.JShellConsole;
import gilbook.app.gui.timeline.TimelinePane;
import gilbook.exercises.harness.Problem;
import gilbook.exercises.manifest.Chapter;
import gilbook.exercises.manifest.Exercise;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The workbook window: chapters on the left, the lesson beside the learner's code, and below them
 * the check results, the run console, the GIL timeline and a JShell console.
 *
 * <p>A view: it lays out the panes and binds them to a {@link WindowModel}, which holds the state
 * and runs the jobs. It grades, simulates and reads no file itself. FX thread only.
 */
public final class MainWindow extends BorderPane implements WindowToolbar.Actions {
  /**
   * The root font size at zoom 1, set from the start (AtlantaFX's own is 14 px): a little smaller
   * than the theme's, so that a 1280×720 screen shows the lesson, the code and two timeline lanes.
   * The timeline (TimelinePane.BASE_FONT_PX) and the Solution dialog use the same.
   */
  static final double BASE_FONT_PX = 13;

  private final WindowModel model;

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

  private final SplitPane center;
  private final ProgressWatch progressWatch;

  public MainWindow(Workbook workbook) {
    model = new WindowModel(workbook, Platform::runLater);
    getStyleClass().addAll("main-window", "light");
    chapters = new ChapterTree(workbook, this::onSelect);
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
    center.setDividerPositions(0.6);

    NoticeBar notice =
        new NoticeBar(model.noticeProperty(), model::dismissNotice, chapters::select);
    setTop(new VBox(new WindowToolbar(model, this), notice));
    setLeft(chapters);
    setCenter(center);
    setBottom(statusBar());

    lesson.setOnOpenLesson(this::openLessonFile);
    lesson.setOnRunListing(this::runListing);
    lesson.setOnRunBlock(this::runBlock);
    bind();
    progressWatch = new ProgressWatch(workbook.progress(), model::progressChanged);
  }

  /** Connects the panes to the model: from here on they follow it. */
  private void bind() {
    lesson.themeProperty().bind(model.darkProperty());
    lesson.zoomProperty().bind(model.zoomProperty());
    timeline.darkProperty().bind(model.darkProperty());
    timeline.zoomProperty().bind(model.zoomProperty());
    model.darkProperty().addListener((obs, old, now) -> applyTheme());
    model.zoomProperty().addListener((obs, old, now) -> applyZoom());
    widthProperty().addListener((obs, old, now) -> fitChapters());
    applyZoom();

    model.statusProperty().addListener((obs, old, now) -> status.setText(now));
    model.hintsProperty().addListener((obs, old, now) -> showHints());
    model.progressRevisionProperty().addListener((obs, old, now) -> chapters.refresh());
    model.problemsProperty().addListener((obs, old, now) -> markProblems(now));
    model
        .traceProperty()
        .addListener(
            (obs, old, now) -> {
              if (now != null) {
                timeline.setTrace(now);
              }
            });
  }

  /** Where web links in lessons open: the system browser, given by the application. */
  public void setOnExternalLink(java.util.function.Consumer<String> opener) {
    lesson.setOnExternalLink(opener);
  }

  /** Opens the learner's last position, or chapter 1 on the first launch. */
  public void openStart() {
    chapters.select(model.workbook().current());
  }

  // ---------------------------------------------------------------- layout pieces

  private HBox statusBar() {
    HBox bar = new HBox(status);
    bar.getStyleClass().add("status-bar");
    bar.setPadding(new Insets(3, 8, 3, 8));
    return bar;
  }

  /**
   * Installs the keyboard shortcuts on the scene. None of them acts while the JShell console has
   * the focus: keys typed there belong to JShell, never to the exercise.
   */
  public void installShortcuts(Scene scene) {
    Map<KeyCombination, Runnable> keys = new LinkedHashMap<>();
    keys.put(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), this::run);
    keys.put(
        new KeyCodeCombination(
            KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
        this::check);
    keys.put(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN), model::zoomIn);
    keys.put(new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHORTCUT_DOWN), model::zoomIn);
    keys.put(new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN), model::zoomOut);
    keys.put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), editor::save);
    keys.forEach(
        (combination, action) ->
            scene
                .getAccelerators()
                .put(
                    combination,
                    () -> {
                      if (!inJShell(scene.getFocusOwner())) {
                        action.run();
                      }
                    }));
  }

  private boolean inJShell(Node focused) {
    for (Node n = focused; n != null; n = n.getParent()) {
      if (n == jshell) {
        return true;
      }
    }
    return false;
  }

  private void applyTheme() {
    boolean dark = model.darkProperty().get();
    Application.setUserAgentStylesheet(
        dark
            ? new PrimerDark().getUserAgentStylesheet()
            : new PrimerLight().getUserAgentStylesheet());
    getStyleClass().removeAll("dark", "light");
    getStyleClass().add(dark ? "dark" : "light");
  }

  /**
   * Scales every font in the window from the root; the theme's sizes are in em, so they follow.
   * Always an absolute size from the theme's base, so that any way back to a zoom gives exactly the
   * sizes it had before.
   */
  private void applyZoom() {
    setStyle(
        String.format(
            Locale.ROOT, "-fx-font-size: %.2fpx;", BASE_FONT_PX * model.zoomProperty().get()));
    fitChapters();
  }

  private void fitChapters() {
    chapters.setPrefWidth(chapters.widthFor(BASE_FONT_PX * model.zoomProperty().get(), getWidth()));
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
    model.open(e);
    openLesson(model.workbook().chapterOf(e));
    editor.open(model.workbook().file(e));
    fileLabel.setText(e.title() + "   ·   " + e.path());
    checks.idle();
    showHints();
  }

  private void showHints() {
    Exercise e = model.exercise();
    if (e != null) {
      checks.showHints(model.hintsProperty().get(), e.hints().size());
    }
  }

  private void openLesson(Chapter chapter) {
    Path file = model.workbook().root().resolve(chapter.lesson()).toAbsolutePath().normalize();
    if (!file.equals(lesson.currentLesson())) {
      lesson.show(file);
    }
  }

  private void openLessonFile(Path lessonFile) {
    for (Chapter c : model.workbook().manifest().chapters()) {
      if (model.workbook().root().resolve(c.lesson()).normalize().equals(lessonFile.normalize())) {
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
  @Override
  public void run() {
    Exercise ran = model.exercise();
    if (ran == null || model.busyProperty().get()) {
      return;
    }
    editor.save();
    console.reset("▶ running " + ran.path());
    bottomTabs.getSelectionModel().select(consoleTab);
    model.run(console.stream()).ifPresent(done -> done.thenAccept(end -> showRun(ran, end)));
  }

  private void showRun(Exercise ran, WindowModel.RunEnd end) {
    console.print(
        "\n"
            + RunVerdictText.text(
                end.outcome(), model.workbook().file(ran), ran.path(), end.stopped()));
  }

  /** Grades the current exercise; the rows appear in the Checks tab. */
  @Override
  public void check() {
    Exercise e = model.exercise();
    if (e == null || model.busyProperty().get()) {
      return;
    }
    editor.save();
    checks.running(e.id());
    bottomTabs.getSelectionModel().select(checksTab);
    model.check().ifPresent(done -> done.thenAccept(checks::show));
  }

  /** Runs a {@code ```dis} listing from the lesson in simulated threads; shows its timeline. */
  public void runListing(RunnableListing listing) {
    if (model.busyProperty().get()) {
      return;
    }
    console.reset("▶ running the lesson's listing " + listing.options());
    bottomTabs.getSelectionModel().select(consoleTab);
    model.runListing(listing).ifPresent(done -> done.thenAccept(this::showListingRun));
  }

  private void showListingRun(ListingRun.Outcome outcome) {
    if (outcome.data().isEmpty()) {
      console.print("\n✗ " + outcome.problem() + "\n");
      return;
    }
    Map<String, Object> data = outcome.data().get();
    console.print(String.valueOf(data.getOrDefault("stdout", "")));
    console.print(String.valueOf(data.getOrDefault("stderr", "")));
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
    showTimeline();
  }

  /**
   * Runs a {@code ```jshell} block of the lesson in {@code lessonFile} as Run runs a file: its
   * output and how it ended go to the console, its last interpreter's trace to the timeline.
   */
  public void runBlock(Path lessonFile, LessonBlocks.Block block) {
    if (model.busyProperty().get()) {
      return;
    }
    String shown = model.workbook().display(lessonFile);
    console.reset("▶ running block " + block.number() + " of " + shown);
    bottomTabs.getSelectionModel().select(consoleTab);
    model
        .runBlock(lessonFile, block, console.stream())
        .ifPresent(
            done ->
                done.thenAccept(
                    end ->
                        console.print(
                            "\n"
                                + RunVerdictText.text(
                                    end.outcome(), lessonFile, shown, end.stopped()))));
  }

  /** Stops the running check or run. */
  @Override
  public void cancel() {
    model.cancel();
  }

  /** Reveals the next hint level, where the learner is looking. */
  @Override
  public void hint() {
    if (model.exercise() == null) {
      return;
    }
    model.hint();
    bottomTabs.getSelectionModel().select(checksTab);
    checks.revealNewestHint();
  }

  /** After a confirmation, shows the solution beside the learner's file. */
  @Override
  public void solution() {
    Exercise e = model.exercise();
    if (e == null) {
      return;
    }
    Alert confirm =
        new Alert(
            Alert.AlertType.CONFIRMATION,
            "The solution teaches most after you have tried. Show it?",
            ButtonType.YES,
            ButtonType.NO);
    confirm.setHeaderText("Show the solution for " + e.title() + "?");
    confirm.initOwner(getScene().getWindow());
    if (confirm.showAndWait().orElse(ButtonType.NO) != ButtonType.YES) {
      return;
    }
    editor.save();
    model
        .solution()
        .ifPresent(
            diff -> {
              SolutionDialog dialog = new SolutionDialog(e.id(), diff);
              dialog.zoom(model.zoomProperty().get());
              dialog.initOwner(getScene().getWindow());
              dialog.show();
            });
  }

  /** After a confirmation, restores the stub; the learner's version is backed up and undoable. */
  @Override
  public void reset() {
    Exercise e = model.exercise();
    if (e == null) {
      return;
    }
    Alert confirm =
        new Alert(
            Alert.AlertType.CONFIRMATION,
            "Your version is kept in a backup, and Undo brings it back.",
            ButtonType.YES,
            ButtonType.NO);
    confirm.setHeaderText("Restore " + e.title() + " as shipped?");
    confirm.initOwner(getScene().getWindow());
    if (confirm.showAndWait().orElse(ButtonType.NO) == ButtonType.YES) {
      resetNow();
    }
  }

  /** Resets without asking (the confirmation already happened, or a test drives it). */
  void resetNow() {
    editor.save();
    if (model.reset()) {
      editor.open(model.workbook().file(model.exercise()));
    }
  }

  /** Puts back the learner's version saved by the last reset. */
  @Override
  public void undoReset() {
    if (model.undoReset()) {
      editor.open(model.workbook().file(model.exercise()));
    }
  }

  // ---------------------------------------------------------------- helpers

  private void markProblems(List<Problem> problems) {
    Map<Integer, String> byLine = new LinkedHashMap<>();
    for (Problem p : problems) {
      if (p.line() > 0) {
        byLine.merge(p.line(), p.message(), (a, b) -> a + "; " + b);
      }
    }
    editor.markErrors(byLine);
  }

  /** Saves everything and stops background work; called when the window closes. */
  public void shutdown() {
    editor.dispose();
    progressWatch.close();
    model.close();
    jshell.dispose();
    model.workbook().close();
  }

  /** Brings the GIL timeline tab to the front, with room for its lanes. */
  void showTimeline() {
    bottomTabs.getSelectionModel().select(timelineTab);
    center.setDividerPositions(0.38);
  }

  // ---------------------------------------------------------------- for tests

  private String onDisk() {
    Exercise e = model.exercise();
    if (e == null) {
      return "-";
    }
    try {
      String text = Files.readString(model.workbook().file(e));
      return text.length()
          + " characters"
          + (text.equals(editor.text()) ? ", the editor's text" : ", not the editor's text");
    } catch (IOException ex) {
      return ex.toString();
    }
  }

  /** What the window shows now, in a few lines: for a test's failure message. */
  String describeState() {
    String out = console.getText();
    Notice n = model.noticeProperty().get();
    return "exercise: "
        + (model.exercise() == null ? "none" : model.exercise().id())
        + "\nbusy: "
        + busy()
        + "\nstatus: "
        + status.getText()
        + "\nnotice: "
        + (n == null ? "none" : n.text())
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

  WindowModel model() {
    return model;
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

  ChapterTree chapters() {
    return chapters;
  }

  Exercise exercise() {
    return model.exercise();
  }

  boolean busy() {
    return model.busyProperty().get();
  }

  BooleanProperty darkProperty() {
    return model.darkProperty();
  }

  DoubleBinding zoomProperty() {
    return model.zoomProperty();
  }

  Label statusLabel() {
    return status;
  }

  void selectExercise(Exercise e) {
    chapters.select(e);
  }
}

package gilbook.app.gui.editor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;

/**
 * The exercise editor: a RichTextFX code area with Java highlighting and line numbers, that saves
 * itself a moment after the learner stops typing, reloads when the file changes on disk, and marks
 * the lines a compile error points at.
 *
 * <p>Nothing typed is lost: every save writes a temporary file and moves it over the old one, a
 * pending save is flushed before the editor switches files or the window closes, and a change on
 * disk never overwrites unsaved typing (the typing wins, and {@link #statusProperty()} says so). FX
 * thread only.
 */
public final class CodeEditor extends StackPane {
  private static final javafx.util.Duration AUTOSAVE_DELAY = javafx.util.Duration.millis(600);

  private final CodeArea area = new CodeArea();
  private final PauseTransition autosave = new PauseTransition(AUTOSAVE_DELAY);
  private final Timeline diskWatch;
  private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
  private final List<Integer> errorLines = new ArrayList<>();
  private Path file;
  private String savedText = "";
  private boolean loading;

  public CodeEditor() {
    getStyleClass().add("code-editor");
    area.getStyleClass().add("code");
    area.setParagraphGraphicFactory(LineNumberFactory.get(area));
    area.multiPlainChanges()
        .successionEnds(Duration.ofMillis(150))
        .subscribe(ignore -> area.setStyleSpans(0, JavaHighlighter.highlight(area.getText())));
    area.textProperty()
        .addListener(
            (obs, old, now) -> {
              if (loading) {
                return;
              }
              dirty.set(!now.equals(savedText));
              clearErrors();
              autosave.playFromStart();
            });
    autosave.setOnFinished(e -> save());
    area.setOnKeyPressed(
        e -> {
          if (e.getCode() == javafx.scene.input.KeyCode.TAB && !e.isControlDown()) {
            area.replaceSelection("    ");
            e.consume();
          }
        });
    diskWatch = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> checkDisk()));
    diskWatch.setCycleCount(Timeline.INDEFINITE);
    diskWatch.play();
    getChildren().add(new VirtualizedScrollPane<>(area));
  }

  /** Saves the current file (if changed) and opens {@code path}. */
  public void open(Path path) {
    save();
    file = path;
    String text = read(path);
    loading = true;
    area.replaceText(text);
    area.setStyleSpans(0, JavaHighlighter.highlight(text));
    loading = false;
    savedText = text;
    dirty.set(false);
    area.moveTo(0);
    area.showParagraphAtTop(0);
    area.getUndoManager().forgetHistory();
    clearErrors();
    status.set(
        Files.exists(path) ? "" : path.getFileName() + " does not exist yet; type to create it");
  }

  /** Writes the editor's text to its file now, if it changed. Safe to call at any time. */
  public void save() {
    autosave.stop();
    if (file == null || !dirty.get()) {
      return;
    }
    String text = area.getText();
    try {
      gilbook.app.engine.AtomicFiles.writeString(file, text);
      savedText = text;
      dirty.set(false);
      status.set("saved");
    } catch (IOException e) {
      status.set("could not save " + file + ": " + e.getMessage() + " (your text is still here)");
    }
  }

  /** Reloads from disk when the file changed there and the editor holds no unsaved typing. */
  private void checkDisk() {
    if (file == null) {
      return;
    }
    String onDisk = read(file);
    if (onDisk.equals(savedText)) {
      return;
    }
    if (dirty.get()) {
      status.set("the file changed on disk; keeping your unsaved typing (it saves in a moment)");
      return;
    }
    int caret = Math.min(area.getCaretPosition(), onDisk.length());
    loading = true;
    area.replaceText(onDisk);
    loading = false;
    savedText = onDisk;
    area.moveTo(caret);
    status.set("reloaded: the file changed on disk");
  }

  /** Marks lines (from 1) with compile errors; each gets its message as a tooltip. */
  public void markErrors(Map<Integer, String> messages) {
    clearErrors();
    StringBuilder tip = new StringBuilder();
    for (Map.Entry<Integer, String> e : messages.entrySet()) {
      int paragraph = e.getKey() - 1;
      if (paragraph >= 0 && paragraph < area.getParagraphs().size()) {
        area.setParagraphStyle(paragraph, List.of("error-line"));
        errorLines.add(paragraph);
        tip.append("line ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
      }
    }
    if (!errorLines.isEmpty()) {
      area.showParagraphInViewport(errorLines.get(0));
      Tooltip.install(area, new Tooltip(tip.toString().strip()));
    }
  }

  /** The lines currently marked as errors, from 1. */
  public List<Integer> errorLines() {
    return errorLines.stream().map(p -> p + 1).toList();
  }

  private void clearErrors() {
    if (errorLines.isEmpty()) {
      return;
    }
    for (int p : errorLines) {
      if (p < area.getParagraphs().size()) {
        area.setParagraphStyle(p, List.<String>of());
      }
    }
    errorLines.clear();
    Tooltip.uninstall(area, null);
  }

  private static String read(Path path) {
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return "";
    } catch (IOException e) {
      return "";
    }
  }

  public String text() {
    return area.getText();
  }

  public void setText(String text) {
    area.replaceText(text);
  }

  public Path file() {
    return file;
  }

  public CodeArea area() {
    return area;
  }

  public ReadOnlyBooleanProperty dirtyProperty() {
    return dirty.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** Stops watching the disk; call when the window closes (after {@link #save()}). */
  public void dispose() {
    save();
    diskWatch.stop();
  }
}

package gilbook.app.gui.panels;

import gilbook.app.engine.JShellCompletion;
import gilbook.app.engine.JShellSession;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;

/**
 * An interactive JShell inside the window, backed by a {@link JShellSession}: the runtime is on the
 * class path and its imports are preloaded, and what a snippet prints appears here, in order with
 * its result. Up and Down walk the history, Tab completes the word at the caret as the terminal
 * jshell does, Esc stops a runaway snippet.
 *
 * <p>The keys the input uses are its own: Tab and Enter (with any modifier) are consumed before the
 * window sees them, so they can neither move the focus to a toolbar button nor reach a default
 * button or a window shortcut such as Ctrl+Enter (Run). Ctrl+Tab still leaves the input, as it does
 * in every JavaFX text control.
 *
 * <p>The JShell starts in the background the first time {@link #start()} is called. FX thread only,
 * except the private worker thread that talks to JShell.
 */
public final class JShellConsole extends BorderPane {
  private static final int MAX_TRANSCRIPT_CHARS = 200_000;
  private static final int MAX_CANDIDATES_LISTED = 60;

  private final TextArea transcript = new TextArea();
  private final TextField input = new TextField();
  private final BatchedAppender show = new BatchedAppender(transcript, MAX_TRANSCRIPT_CHARS);
  private final List<String> history = new ArrayList<>();
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "gilbook-jshell-console");
            t.setDaemon(true);
            return t;
          });
  private volatile JShellSession session;
  private volatile boolean disposed;
  private int historyIndex;
  private boolean started;

  public JShellConsole() {
    getStyleClass().add("jshell-console");
    transcript.setEditable(false);
    transcript.getStyleClass().add("console");
    input.setPromptText(
        "Java here, e.g. Interpreter.builder().build()   (Tab completes, Esc stops)");
    input.setDisable(true);
    setCenter(transcript);
    setBottom(new BorderPane(input, null, null, null, new Label(" jshell> ")));
    input.setOnAction(e -> submit());
    // A filter, not a handler: the text field's own key handling runs before any handler, and
    // would already have moved the focus on Tab.
    input.addEventFilter(KeyEvent.KEY_PRESSED, this::onKeyPressed);
  }

  private void onKeyPressed(KeyEvent e) {
    switch (e.getCode()) {
      case TAB -> {
        if (!e.isControlDown()) {
          e.consume();
          complete();
        }
      }
      case ENTER -> {
        e.consume();
        submit();
      }
      case UP -> {
        e.consume();
        walkHistory(-1);
      }
      case DOWN -> {
        e.consume();
        walkHistory(1);
      }
      case ESCAPE -> {
        JShellSession s = session;
        if (s != null) {
          e.consume();
          s.stop();
        }
      }
      default -> {}
    }
  }

  /** Starts JShell in the background, once. */
  public void start() {
    if (started) {
      return;
    }
    started = true;
    show.accept("Starting jshell with the gilbook runtime…\n");
    worker.execute(
        () -> {
          if (openSession()) {
            Platform.runLater(
                () -> {
                  input.setDisable(false);
                  input.requestFocus();
                });
          }
        });
  }

  /** Worker thread. */
  private boolean openSession() {
    try {
      JShellSession s = JShellSession.start(show);
      if (disposed) {
        s.close(); // the window closed while it started: no execution JVM may outlive it
        return false;
      }
      session = s;
      show.accept("Ready. The runtime is imported (gilbook.runtime.*).\n");
      return true;
    } catch (RuntimeException e) {
      show.accept("|  jshell could not start: " + e.getMessage() + "\n");
      return false;
    }
  }

  private void submit() {
    String code = input.getText();
    if (code.isBlank() || session == null) {
      return;
    }
    history.add(code);
    historyIndex = history.size();
    input.clear();
    show.accept("jshell> " + code + "\n");
    worker.execute(() -> evaluate(code));
  }

  /** Worker thread. */
  private void evaluate(String code) {
    JShellSession s = session;
    try {
      s.evaluate(code);
    } catch (RuntimeException e) {
      show.accept("|  " + e.getMessage() + "\n");
    }
    if (s.hasEnded()) {
      s.close();
      show.accept(
          "|  The jshell ended (System.exit, or its JVM crashed), and your definitions with it."
              + " Starting a fresh one…\n");
      openSession();
    }
  }

  private void walkHistory(int step) {
    if (history.isEmpty()) {
      return;
    }
    historyIndex = Math.max(0, Math.min(history.size(), historyIndex + step));
    input.setText(historyIndex == history.size() ? "" : history.get(historyIndex));
    input.end();
  }

  private void complete() {
    JShellSession s = session;
    if (s == null) {
      return;
    }
    String text = input.getText();
    int caret = input.getCaretPosition();
    worker.execute(
        () -> {
          try {
            JShellCompletion c = s.complete(text, caret);
            Platform.runLater(() -> apply(text, caret, c));
          } catch (RuntimeException e) {
            show.accept("|  completion failed: " + e.getMessage() + "\n");
          }
        });
  }

  private void apply(String before, int caretBefore, JShellCompletion c) {
    if (!input.getText().equals(before) || input.getCaretPosition() != caretBefore) {
      return; // the learner typed on meanwhile: a stale completion would undo it
    }
    input.setText(c.text());
    input.positionCaret(c.caret());
    List<String> names = c.candidates();
    if (!names.isEmpty()) {
      int listed = Math.min(MAX_CANDIDATES_LISTED, names.size());
      String more = names.size() > listed ? "  … and " + (names.size() - listed) + " more" : "";
      show.accept(String.join("  ", names.subList(0, listed)) + more + "\n");
    }
  }

  /** The transcript text, for tests. */
  public String transcript() {
    return transcript.getText();
  }

  public TextField input() {
    return input;
  }

  /** Closes JShell and its execution JVM. */
  public void dispose() {
    disposed = true;
    JShellSession s = session;
    if (s != null) {
      s.close();
    }
    worker.shutdownNow();
  }
}

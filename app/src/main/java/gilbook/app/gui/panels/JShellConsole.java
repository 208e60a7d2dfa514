package gilbook.app.gui.panels;

import gilbook.exercises.harness.JShellHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

/**
 * An interactive JShell inside the window, with the runtime on the class path and its imports
 * preloaded. Snippets run in JShell's own execution JVM (the default, remote engine), so nothing
 * typed here can end or hang the app: a runaway snippet is stopped with Esc. Up and Down walk the
 * history; Tab completes from {@link SourceCodeAnalysis}.
 *
 * <p>The JShell starts in the background the first time the console is shown. FX thread only,
 * except the private worker thread that talks to JShell.
 */
public final class JShellConsole extends BorderPane {
  private final TextArea transcript = new TextArea();
  private final TextField input = new TextField();
  private final List<String> history = new ArrayList<>();
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "gilbook-jshell-console");
            t.setDaemon(true);
            return t;
          });
  private volatile JShell jshell;
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
    input.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.UP) {
            walkHistory(-1);
            e.consume();
          } else if (e.getCode() == KeyCode.DOWN) {
            walkHistory(1);
            e.consume();
          } else if (e.getCode() == KeyCode.TAB) {
            complete();
            e.consume();
          } else if (e.getCode() == KeyCode.ESCAPE && jshell != null) {
            jshell.stop();
          }
        });
  }

  /** Starts JShell in the background, once. */
  public void start() {
    if (started) {
      return;
    }
    started = true;
    transcript.appendText("Starting jshell with the gilbook runtime…\n");
    worker.execute(
        () -> {
          try {
            JShell js = JShell.builder().build();
            js.addToClasspath(System.getProperty("java.class.path"));
            for (String imp : JShellHarness.IMPORTS) {
              js.eval(imp);
            }
            jshell = js;
            Platform.runLater(
                () -> {
                  transcript.appendText("Ready. The runtime is imported (gilbook.runtime.*).\n");
                  input.setDisable(false);
                  input.requestFocus();
                });
          } catch (RuntimeException e) {
            Platform.runLater(() -> transcript.appendText("jshell could not start: " + e + "\n"));
          }
        });
  }

  private void submit() {
    String code = input.getText();
    if (code.isBlank() || jshell == null) {
      return;
    }
    history.add(code);
    historyIndex = history.size();
    input.clear();
    transcript.appendText("jshell> " + code + "\n");
    worker.execute(() -> evaluate(code));
  }

  private void evaluate(String code) {
    StringBuilder out = new StringBuilder();
    String rest = code;
    SourceCodeAnalysis sca = jshell.sourceCodeAnalysis();
    while (!rest.isBlank()) {
      SourceCodeAnalysis.CompletionInfo info = sca.analyzeCompletion(rest);
      String snippet = info.completeness().isComplete() ? info.source() : rest;
      rest = info.completeness().isComplete() ? info.remaining() : "";
      for (SnippetEvent e : jshell.eval(snippet)) {
        if (e.status() == Snippet.Status.REJECTED) {
          jshell
              .diagnostics(e.snippet())
              .forEach(d -> out.append("|  Error: ").append(d.getMessage(null)).append('\n'));
        } else if (e.exception() != null) {
          out.append("|  Exception: ").append(JShellHarness.describe(e.exception())).append('\n');
        } else if (e.value() != null && e.causeSnippet() == null) {
          out.append("==> ").append(e.value()).append('\n');
        }
      }
    }
    String text = out.toString();
    Platform.runLater(() -> transcript.appendText(text));
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
    JShell js = jshell;
    if (js == null) {
      return;
    }
    String text = input.getText();
    int cursor = input.getCaretPosition();
    int[] anchor = new int[1];
    List<SourceCodeAnalysis.Suggestion> suggestions =
        js.sourceCodeAnalysis().completionSuggestions(text, cursor, anchor);
    List<String> names =
        suggestions.stream().map(SourceCodeAnalysis.Suggestion::continuation).distinct().toList();
    if (names.size() == 1) {
      input.setText(text.substring(0, anchor[0]) + names.get(0) + text.substring(cursor));
      input.positionCaret(anchor[0] + names.get(0).length());
    } else if (!names.isEmpty()) {
      transcript.appendText(String.join("  ", names.subList(0, Math.min(40, names.size()))) + "\n");
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
    JShell js = jshell;
    if (js != null) {
      js.close();
    }
    worker.shutdownNow();
  }
}

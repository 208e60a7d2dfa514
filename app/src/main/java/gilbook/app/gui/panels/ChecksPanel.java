package gilbook.app.gui.panels;

import gilbook.app.engine.CheckOutcome;
import gilbook.exercises.grading.CheckResult;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The result of the last check: one row per graded check with a pass or fail mark, and for a
 * failure the expected / got / try message; above them, why the file could not be graded when that
 * happened (a compile error, a timeout, a deadlock...). The hints unlocked so far come first, under
 * the summary, newest first: a learner who asks for a hint looks at the top of the tab, and a long
 * list of failed checks must not push the hint out of sight. FX thread only.
 */
public final class ChecksPanel extends ScrollPane {
  private final VBox rows = new VBox(6);
  private final VBox hints = new VBox(4);
  private final Label summary = new Label("Press Check (Ctrl+Shift+Enter) to grade your code.");

  public ChecksPanel() {
    getStyleClass().add("checks-panel");
    summary.getStyleClass().add("checks-summary");
    VBox content = new VBox(10, summary, hints, rows);
    content.setPadding(new Insets(10));
    setContent(content);
    setFitToWidth(true);
  }

  /** Shows the invitation to check, before the first check of an exercise. */
  public void idle() {
    rows.getChildren().clear();
    summary.getStyleClass().removeAll("passed", "failed");
    summary.setText("Press Check (Ctrl+Shift+Enter) to grade your code.");
  }

  /** Shows that a check is running. */
  public void running(String exerciseId) {
    rows.getChildren().clear();
    summary.setText("Checking " + exerciseId + "…");
    summary.getStyleClass().removeAll("passed", "failed");
  }

  /** Shows a check's outcome. */
  public void show(CheckOutcome o) {
    rows.getChildren().clear();
    long passed = o.checks().stream().filter(CheckResult::passed).count();
    summary.getStyleClass().removeAll("passed", "failed");
    summary.getStyleClass().add(o.passed() ? "passed" : "failed");
    summary.setText(
        o.passed()
            ? "✓ All " + o.checks().size() + " checks pass."
            : o.checks().isEmpty()
                ? "✗ Not graded."
                : "✗ " + passed + " of " + o.checks().size() + " checks pass.");
    o.error()
        .ifPresent(
            v -> rows.getChildren().add(row(false, "Your code " + label(v.kind()), v.message())));
    for (CheckResult c : o.checks()) {
      rows.getChildren().add(row(c.passed(), c.name(), c.message()));
    }
    if (!o.passed() && !o.checks().isEmpty()) {
      Label seed =
          new Label(
              "Inputs from seed "
                  + o.seed()
                  + ". To repeat them: ./gilbook check "
                  + o.id()
                  + " --seed "
                  + o.seed());
      seed.setWrapText(true);
      seed.getStyleClass().add("check-seed");
      rows.getChildren().add(seed);
    }
    if (!o.output().isBlank() && !o.passed()) {
      Label out = new Label(o.output().strip());
      out.getStyleClass().add("check-output");
      out.setWrapText(true);
      rows.getChildren().add(out);
    }
  }

  /** Shows the unlocked hints, numbered, the newest at the top and marked as new. */
  public void showHints(List<String> unlocked, int total) {
    hints.getChildren().clear();
    for (int i = unlocked.size() - 1; i >= 0; i--) {
      Label hint = new Label("Hint " + (i + 1) + "/" + total + ": " + unlocked.get(i));
      hint.setWrapText(true);
      hint.getStyleClass().add("hint");
      if (i == unlocked.size() - 1) {
        hint.getStyleClass().add("newest");
      }
      hints.getChildren().add(hint);
    }
  }

  /** Scrolls to the top, where the newest hint is. */
  public void revealNewestHint() {
    setVvalue(getVmin());
  }

  /** The rows currently shown, for tests: each is "✓ name" or "✗ name". */
  public List<String> rowTitles() {
    return rows.getChildren().stream()
        .filter(n -> n instanceof VBox)
        .map(n -> ((Label) ((HBox) ((VBox) n).getChildren().get(0)).getChildren().get(0)).getText())
        .toList();
  }

  /** Everything the panel shows, line by line, for a test's failure message. */
  public String describe() {
    StringBuilder out = new StringBuilder(summary.getText());
    for (javafx.scene.Node n : rows.lookupAll(".label")) {
      if (n instanceof Label l) {
        out.append('\n').append(l.getText());
      }
    }
    return out.toString();
  }

  /** The hints currently shown, for tests, in level order: each is "Hint N/M: text". */
  public List<String> hintTexts() {
    List<String> texts =
        new java.util.ArrayList<>(
            hints.getChildren().stream().map(n -> ((Label) n).getText()).toList());
    java.util.Collections.reverse(texts);
    return texts;
  }

  /** The newest hint's label, or null when no hint is unlocked: for tests. */
  public Label newestHint() {
    return hints.getChildren().isEmpty() ? null : (Label) hints.getChildren().get(0);
  }

  public String summaryText() {
    return summary.getText();
  }

  private static VBox row(boolean ok, String title, String message) {
    Label mark = new Label((ok ? "✓ " : "✗ ") + title);
    mark.getStyleClass().addAll("check-title", ok ? "passed" : "failed");
    VBox box = new VBox(2, new HBox(mark));
    box.getStyleClass().add("check-row");
    if (!ok && message != null && !message.isBlank()) {
      Label detail = new Label(message);
      detail.setWrapText(true);
      detail.getStyleClass().add("check-message");
      box.getChildren().add(detail);
    }
    return box;
  }

  private static String label(String kind) {
    return switch (kind) {
      case "compile" -> "does not compile";
      case "exception" -> "raised an exception";
      case "contract" -> "does not fit the exercise";
      case "file" -> "cannot be read";
      case "timeout" -> "took too long";
      case "deadlock" -> "deadlocked";
      case "exit" -> "ended the JVM";
      case "crash" -> "crashed the JVM";
      case "stray-thread" -> "left a thread running";
      case "cancelled" -> "was stopped";
      default -> "could not be graded";
    };
  }
}

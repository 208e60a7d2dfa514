package gilbook.app.gui;

import gilbook.app.engine.SolutionDiff;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * One side of the Solution dialog: the learner's lines or the solution's, one row per row of the
 * {@link SolutionDiff}, each with its line number in the file. Lines are never cut: a long one
 * makes the side scroll sideways. Every row is one line of text high, including a row this side has
 * no line in, so the two sides stay level when they scroll together. FX thread only.
 */
final class DiffSide extends ScrollPane {

  DiffSide(List<SolutionDiff.Row> rows, boolean mine) {
    GridPane grid = new GridPane();
    ColumnConstraints numbers = new ColumnConstraints();
    numbers.setMinWidth(Region.USE_PREF_SIZE);
    ColumnConstraints code = new ColumnConstraints();
    code.setHgrow(Priority.ALWAYS);
    code.setFillWidth(true); // a highlight spans the side, not just the text
    grid.getColumnConstraints().setAll(numbers, code);
    for (int i = 0; i < rows.size(); i++) {
      SolutionDiff.Row row = rows.get(i);
      SolutionDiff.Line line = mine ? row.mine() : row.solution();
      Label number = label(line == null ? "" : String.valueOf(line.number()), "diff-number");
      Label text = label(line == null ? "" : line.text(), "diff-line");
      number.setMaxWidth(Double.MAX_VALUE); // right-aligned in a column as wide as the largest
      text.setMaxWidth(Double.MAX_VALUE);
      if (line == null && row.kind() != SolutionDiff.Kind.BLANK) {
        text.getStyleClass().add("diff-absent");
      } else if (row.isChange()) {
        text.getStyleClass().add(mine ? "diff-removed" : "diff-added");
      }
      grid.addRow(i, number, text);
    }
    grid.setMinWidth(Region.USE_PREF_SIZE);
    getStyleClass().add("diff-side");
    setContent(grid);
    // Fit the width only while the code fits: past that, the grid keeps its width and scrolls.
    setFitToWidth(true);
    // Both sides always show the bar, so their viewports are equally high and rows stay level.
    setHbarPolicy(ScrollBarPolicy.ALWAYS);
  }

  private static Label label(String text, String styleClass) {
    // An empty label would collapse to no height; a space keeps the row one line high.
    Label label = new Label(text.isEmpty() ? " " : text);
    label.getStyleClass().add(styleClass);
    label.setMinWidth(Region.USE_PREF_SIZE); // never an ellipsis
    label.setMinHeight(Region.USE_PREF_SIZE);
    return label;
  }
}

package gilbook.app.gui;

import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The reference solution beside the learner's file, line by line (java-diff-utils), with changed
 * lines marked. Read-only: it never touches the learner's file. FX thread only.
 */
final class SolutionDialog extends Dialog<Void> {

  SolutionDialog(String exerciseId, List<String> mine, List<String> solution) {
    setTitle("Solution: " + exerciseId);
    setResizable(true);
    List<DiffRow> rows =
        DiffRowGenerator.create()
            .showInlineDiffs(false)
            .ignoreWhiteSpaces(false)
            .lineNormalizer(line -> line.replace("\t", "    "))
            .build()
            .generateDiffRows(mine, solution);
    ListView<DiffRow> list = new ListView<>();
    list.getItems().setAll(rows);
    list.setCellFactory(v -> new RowCell());
    list.setPrefSize(1000, 560);
    Label left = new Label("Your file");
    Label right = new Label("Reference solution");
    GridPane header = new GridPane();
    header.add(left, 0, 0);
    header.add(right, 1, 0);
    header.setHgap(20);
    javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(6, header, list);
    box.setPadding(new Insets(8));
    getDialogPane().setContent(box);
    getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
    getDialogPane().getStyleClass().add("solution-dialog");
  }

  private static final class RowCell extends ListCell<DiffRow> {
    @Override
    protected void updateItem(DiffRow row, boolean empty) {
      super.updateItem(row, empty);
      if (empty || row == null) {
        setGraphic(null);
        return;
      }
      Label a = new Label(row.getOldLine());
      Label b = new Label(row.getNewLine());
      a.getStyleClass().add("code-line");
      b.getStyleClass().add("code-line");
      a.setMaxWidth(Double.MAX_VALUE);
      b.setMaxWidth(Double.MAX_VALUE);
      HBox.setHgrow(a, Priority.ALWAYS);
      HBox.setHgrow(b, Priority.ALWAYS);
      a.setPrefWidth(480);
      b.setPrefWidth(480);
      String tag = row.getTag().name().toLowerCase(java.util.Locale.ROOT);
      a.getStyleClass().add("diff-old-" + tag);
      b.getStyleClass().add("diff-new-" + tag);
      setGraphic(new HBox(16, a, b));
    }
  }
}

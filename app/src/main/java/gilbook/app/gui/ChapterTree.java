package gilbook.app.gui;

import gilbook.app.engine.Workbook;
import gilbook.exercises.manifest.Chapter;
import gilbook.exercises.manifest.Exercise;
import java.util.function.Consumer;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.VBox;

/**
 * Every chapter and exercise from the manifest, with done and pending marks, and the overall
 * progress above them. Selecting a chapter opens its lesson; selecting an exercise opens it too.
 *
 * <p>Titles are shown whole: the tree asks for the width of its longest row at the current font (up
 * to a third of the window, see {@link #widthFor}), and every row has its full title as a tooltip
 * for when even that is too narrow. FX thread only.
 */
final class ChapterTree extends VBox {
  /** What a tree row stands for. */
  record Entry(Chapter chapter, Exercise exercise) {}

  private final Workbook workbook;
  private final TreeView<Entry> tree = new TreeView<>();
  private final ProgressBar bar = new ProgressBar(0);
  private final Label progressText = new Label();

  ChapterTree(Workbook workbook, Consumer<Entry> onSelect) {
    this.workbook = workbook;
    getStyleClass().add("chapter-tree");
    TreeItem<Entry> root = new TreeItem<>();
    for (Chapter c : workbook.manifest().chapters()) {
      TreeItem<Entry> chapter = new TreeItem<>(new Entry(c, null));
      chapter.setExpanded(true);
      for (Exercise e : c.exercises()) {
        chapter.getChildren().add(new TreeItem<>(new Entry(c, e)));
      }
      root.getChildren().add(chapter);
    }
    tree.setRoot(root);
    tree.setShowRoot(false);
    tree.setCellFactory(t -> new EntryCell());
    tree.getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (obs, old, now) -> {
              if (now != null && now.getValue() != null) {
                onSelect.accept(now.getValue());
              }
            });
    bar.setMaxWidth(Double.MAX_VALUE);
    setSpacing(6);
    getChildren().addAll(progressText, bar, tree);
    VBox.setVgrow(tree, javafx.scene.layout.Priority.ALWAYS);
    refresh();
  }

  /** Selects the row of {@code exercise} (which opens it). */
  void select(Exercise exercise) {
    for (TreeItem<Entry> chapter : tree.getRoot().getChildren()) {
      for (TreeItem<Entry> item : chapter.getChildren()) {
        if (item.getValue().exercise().equals(exercise)) {
          tree.getSelectionModel().select(item);
          return;
        }
      }
    }
  }

  /** Re-reads the done marks and the overall progress. */
  void refresh() {
    long total = workbook.manifest().exercises().size();
    long done =
        workbook.manifest().exercises().stream()
            .filter(e -> workbook.progress().isDone(e.id()))
            .count();
    bar.setProgress(total == 0 ? 0 : (double) done / total);
    progressText.setText(done + " of " + total + " exercises done");
    tree.refresh();
  }

  private String rowText(Entry entry) {
    if (entry.exercise() == null) {
      return entry.chapter().id() + "  " + entry.chapter().title();
    }
    return (workbook.progress().isDone(entry.exercise().id()) ? "✓ " : "○ ")
        + entry.exercise().title();
  }

  /** Room for the disclosure arrow, the indent of an exercise row, padding and a scroll bar. */
  private static final double ROW_CHROME_PX = 72;

  /**
   * The width that shows every row whole at a root font of {@code fontPx}, but no more than a third
   * of {@code windowWidth}: a longer title then shows in its row's tooltip.
   */
  double widthFor(double fontPx, double windowWidth) {
    javafx.scene.text.Text probe = new javafx.scene.text.Text();
    probe.setFont(javafx.scene.text.Font.font(fontPx));
    double widest = 0;
    for (TreeItem<Entry> chapter : tree.getRoot().getChildren()) {
      for (TreeItem<Entry> row : concat(chapter)) {
        probe.setText(rowText(row.getValue()));
        widest = Math.max(widest, probe.getLayoutBounds().getWidth());
      }
    }
    double wanted = Math.ceil(widest + ROW_CHROME_PX * fontPx / 14);
    return windowWidth <= 0 ? wanted : Math.min(wanted, windowWidth / 3);
  }

  private static java.util.List<TreeItem<Entry>> concat(TreeItem<Entry> chapter) {
    java.util.List<TreeItem<Entry>> rows = new java.util.ArrayList<>();
    rows.add(chapter);
    rows.addAll(chapter.getChildren());
    return rows;
  }

  /** The tree's rows, for tests. */
  TreeView<Entry> treeView() {
    return tree;
  }

  private final class EntryCell extends TreeCell<Entry> {
    @Override
    protected void updateItem(Entry entry, boolean empty) {
      super.updateItem(entry, empty);
      getStyleClass().removeAll("done", "pending", "chapter");
      if (empty || entry == null) {
        setText(null);
        setTooltip(null);
        return;
      }
      setText(rowText(entry));
      if (entry.exercise() == null) {
        getStyleClass().add("chapter");
        setTooltip(new Tooltip("Chapter " + entry.chapter().id() + ": " + entry.chapter().title()));
      } else {
        boolean done = workbook.progress().isDone(entry.exercise().id());
        getStyleClass().add(done ? "done" : "pending");
        setTooltip(
            new Tooltip(
                entry.exercise().title()
                    + " ("
                    + entry.exercise().id()
                    + ")"
                    + (done ? ", done" : ", not done yet")));
      }
    }
  }
}

package gilbook.app.gui;

import gilbook.app.engine.Workbook;
import gilbook.exercises.manifest.Chapter;
import gilbook.exercises.manifest.Exercise;
import java.util.function.Consumer;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.VBox;

/**
 * Every chapter and exercise from the manifest, with done and pending marks, and the overall
 * progress above them. Selecting a chapter opens its lesson; selecting an exercise opens it too. FX
 * thread only.
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

  private final class EntryCell extends TreeCell<Entry> {
    @Override
    protected void updateItem(Entry entry, boolean empty) {
      super.updateItem(entry, empty);
      getStyleClass().removeAll("done", "pending", "chapter");
      if (empty || entry == null) {
        setText(null);
        return;
      }
      if (entry.exercise() == null) {
        setText(entry.chapter().id() + "  " + entry.chapter().title());
        getStyleClass().add("chapter");
      } else {
        boolean done = workbook.progress().isDone(entry.exercise().id());
        setText((done ? "✓ " : "○ ") + entry.exercise().title());
        getStyleClass().add(done ? "done" : "pending");
      }
    }
  }
}

package gilbook.app.gui.timeline;

import java.util.function.Function;
import java.util.function.ToLongFunction;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/**
 * One row per thread with what it did with the GIL: time held, waited and blocked, acquisitions,
 * the longest hold and the drop requests it caused. Times are in milliseconds with three decimals;
 * columns sort by their numbers. FX-thread only.
 */
public final class ThreadStatsTable extends TableView<ThreadSummary> {

  /** An empty table that says there is nothing yet. */
  public ThreadStatsTable() {
    getStyleClass().add("gil-thread-stats");
    setPlaceholder(new Label("No threads yet"));
    setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
    TableColumn<ThreadSummary, String> name = new TableColumn<>("Thread");
    name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().name()));
    name.setPrefWidth(140);
    getColumns().add(name);
    getColumns().add(ms("Held (ms)", ThreadSummary::heldNs, "Time holding the GIL"));
    getColumns().add(ms("Waited (ms)", ThreadSummary::waitedNs, "Time waiting to take the GIL"));
    getColumns()
        .add(
            ms(
                "Blocked (ms)",
                ThreadSummary::blockedNs,
                "Time blocked in I/O, sleep or join, with the GIL released"));
    getColumns()
        .add(count("Acquisitions", ThreadSummary::acquisitions, "How many times it took the GIL"));
    getColumns()
        .add(ms("Longest hold (ms)", ThreadSummary::longestHoldNs, "The longest single hold"));
    getColumns()
        .add(
            count(
                "Drop requests",
                ThreadSummary::dropRequestsCaused,
                "How many times its wait timed out and it asked the holder to drop the GIL"));
  }

  /** Shows the statistics of {@code model}, or nothing for {@code null}. */
  public void setTrace(TraceModel model) {
    if (model == null) {
      getItems().clear();
    } else {
      getItems().setAll(model.stats().threads());
    }
  }

  private static TableColumn<ThreadSummary, Long> ms(
      String title, ToLongFunction<ThreadSummary> value, String help) {
    return number(title, value, help, TimeFormat::ms3);
  }

  private static TableColumn<ThreadSummary, Long> count(
      String title, ToLongFunction<ThreadSummary> value, String help) {
    return number(title, value, help, String::valueOf);
  }

  private static TableColumn<ThreadSummary, Long> number(
      String title,
      ToLongFunction<ThreadSummary> value,
      String help,
      Function<Long, String> format) {
    TableColumn<ThreadSummary, Long> column = new TableColumn<>();
    Label header = new Label(title);
    header.setTooltip(new Tooltip(help));
    column.setGraphic(header);
    column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.applyAsLong(c.getValue())));
    column.setCellFactory(
        c ->
            new TableCell<>() {
              @Override
              protected void updateItem(Long item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.apply(item));
              }
            });
    column.setStyle("-fx-alignment: CENTER-RIGHT;");
    column.setPrefWidth(48 + 7.5 * title.length());
    return column;
  }
}

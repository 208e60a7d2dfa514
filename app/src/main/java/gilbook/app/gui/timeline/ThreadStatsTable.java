package gilbook.app.gui.timeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * One row per thread with what it did with the GIL: time held, waited and blocked, takes, the
 * longest hold and the drop requests it caused. Times are in milliseconds with three decimals;
 * columns sort by their numbers. The columns share the table's width ({@link ColumnFit}), each at
 * least as wide as its header and its widest value in the font in use, so nothing is cut off; when
 * the headers do not fit on one line, they take two ("Longest hold" over "(ms)"). The rows and the
 * header are sized in {@code em} (see {@code timeline.css}), so they grow with the font. FX-thread
 * only.
 */
public final class ThreadStatsTable extends TableView<ThreadSummary> {
  /** The height of a row, in units of the font size: AtlantaFX's dense rows. */
  static final double ROW_EM = 2.0;

  /** The height of the header row, in units of the font size: {@code timeline.css}. */
  static final double HEADER_EM = 2.4;

  /** The height of the header row when its titles take two lines: {@code timeline.css}. */
  static final double TWO_LINE_HEADER_EM = 3.4;

  /** The style class of a table whose header titles take two lines. */
  static final String TWO_LINE_HEADERS = "two-line-headers";

  /** About how much narrower the rows are than the table: its borders and a scroll bar. */
  private static final double ROWS_MARGIN_PX = 14;

  private final List<Column> columns = new ArrayList<>();
  private final TextMeasure measure = new TextMeasure();

  /** A column, its header's words, and its values as the cells write them. */
  private record Column(
      TableColumn<ThreadSummary, ?> column,
      String title,
      Label header,
      Function<ThreadSummary, String> text) {

    /** The title on two lines, broken at its last space; a single word stays as it is. */
    String twoLineTitle() {
      int space = title.lastIndexOf(' ');
      return space < 0 ? title : title.substring(0, space) + "\n" + title.substring(space + 1);
    }
  }

  /** An empty table that says there is nothing yet. */
  public ThreadStatsTable() {
    getStyleClass().addAll("gil-thread-stats", "dense");
    setPlaceholder(new Label("No threads yet"));
    setColumnResizePolicy(UNCONSTRAINED_RESIZE_POLICY);
    TableColumn<ThreadSummary, String> name = new TableColumn<>();
    name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().name()));
    add(name, "Thread", "The thread's name, as its lane shows it", ThreadSummary::name);
    ms("Held (ms)", ThreadSummary::heldNs, "Time holding the GIL");
    ms("Waited (ms)", ThreadSummary::waitedNs, "Time waiting to take the GIL");
    ms(
        "Blocked (ms)",
        ThreadSummary::blockedNs,
        "Time blocked in I/O, sleep or join, with the GIL released");
    count("Takes", ThreadSummary::acquisitions, "How many times it took (acquired) the GIL");
    ms("Longest hold (ms)", ThreadSummary::longestHoldNs, "The longest single hold");
    count(
        "Drop requests",
        ThreadSummary::dropRequestsCaused,
        "How many times its wait timed out and it asked the holder to drop the GIL");
    getItems().addListener((ListChangeListener<ThreadSummary>) c -> refit());
    widthProperty().addListener((obs, old, now) -> refit());
  }

  /** Shows the statistics of {@code model}, or nothing for {@code null}. */
  public void setTrace(TraceModel model) {
    if (model == null) {
      getItems().clear();
    } else {
      getItems().setAll(model.stats().threads());
    }
  }

  /** The font size the table's text is drawn in now, from the CSS. */
  double fontSize() {
    return columns.get(0).header().getFont().getSize();
  }

  /**
   * The height the header and {@code rows} rows need, unscrolled, in text of {@code fontSize} in a
   * table {@code width} wide.
   */
  double heightFor(int rows, double fontSize, double width) {
    Insets in = getInsets();
    boolean twoLines = needsTwoLineHeaders(width - ROWS_MARGIN_PX, fontSize);
    double header = twoLines ? TWO_LINE_HEADER_EM : HEADER_EM;
    return Math.ceil(fontSize * (header + ROW_EM * rows) + in.getTop() + in.getBottom() + 2);
  }

  /** Whether the headers, each on one line, would not fit in rows {@code available} wide. */
  private boolean needsTwoLineHeaders(double available, double fontSize) {
    return Arrays.stream(naturalWidths(false, fontSize)).sum() > available;
  }

  /** The words of each column's header, left to right, for tests. */
  List<Label> headers() {
    return columns.stream().map(Column::header).toList();
  }

  /**
   * The width of the visible rows: the table's, less its borders and a vertical scroll bar when one
   * shows.
   */
  double rowsWidth() {
    double width = getWidth() - snappedLeftInset() - snappedRightInset();
    for (Node n : lookupAll(".scroll-bar")) {
      if (n instanceof ScrollBar bar
          && bar.getOrientation() == Orientation.VERTICAL
          && bar.isVisible()) {
        width -= bar.getWidth();
      }
    }
    return width;
  }

  @Override
  protected void layoutChildren() {
    super.layoutChildren();
    // The scroll bar comes and goes with the rows, and the font with the CSS: fit after both.
    refit();
  }

  /** Gives each column its share of the width: at least its header and its widest value. */
  private void refit() {
    double available = rowsWidth();
    if (available <= 0 || columns.isEmpty()) {
      return;
    }
    double em = fontSize();
    boolean twoLines = needsTwoLineHeaders(available, em);
    if (twoLines != getStyleClass().contains(TWO_LINE_HEADERS)) {
      if (twoLines) {
        getStyleClass().add(TWO_LINE_HEADERS);
      } else {
        getStyleClass().remove(TWO_LINE_HEADERS);
      }
    }
    double[] natural = naturalWidths(twoLines, em);
    double[] widths = ColumnFit.widths(natural, Math.floor(available));
    for (int i = 0; i < widths.length; i++) {
      Column c = columns.get(i);
      String title = twoLines ? c.twoLineTitle() : c.title();
      if (!c.header().getText().equals(title)) {
        c.header().setText(title);
      }
      if (Math.abs(c.column().getPrefWidth() - widths[i]) > 0.5) {
        c.column().setPrefWidth(widths[i]);
      }
    }
  }

  /** Each column's header or widest value, whichever is wider, with its padding, in {@code em}. */
  private double[] naturalWidths(boolean twoLineHeaders, double em) {
    Font headerFont = columns.get(0).header().getFont();
    Font bold = Font.font(headerFont.getFamily(), FontWeight.BOLD, em);
    Font plain = Font.font(headerFont.getFamily(), em);
    double[] natural = new double[columns.size()];
    for (int i = 0; i < natural.length; i++) {
      Column c = columns.get(i);
      String title = twoLineHeaders ? c.twoLineTitle() : c.title();
      // The header's text sits in two padded labels, beside room for a sort arrow.
      double widest = measure.width(title, bold) + 2.6 * em;
      for (ThreadSummary s : getItems()) {
        widest = Math.max(widest, measure.width(c.text().apply(s), plain) + 1.5 * em);
      }
      natural[i] = Math.ceil(widest);
    }
    return natural;
  }

  private void ms(String title, ToLongFunction<ThreadSummary> value, String help) {
    number(title, value, help, TimeFormat::ms3);
  }

  private void count(String title, ToLongFunction<ThreadSummary> value, String help) {
    number(title, value, help, String::valueOf);
  }

  private void number(
      String title,
      ToLongFunction<ThreadSummary> value,
      String help,
      Function<Long, String> format) {
    TableColumn<ThreadSummary, Long> column = new TableColumn<>();
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
    add(column, title, help, s -> format.apply(value.applyAsLong(s)));
  }

  private void add(
      TableColumn<ThreadSummary, ?> column,
      String title,
      String help,
      Function<ThreadSummary, String> text) {
    Label header = new Label(title);
    header.setTooltip(new Tooltip(help));
    column.setGraphic(header);
    columns.add(new Column(column, title, header, text));
    getColumns().add(column);
  }
}

package gilbook.app.gui.timeline;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The GIL timeline as the main window embeds it: a toolbar (zoom out, zoom in, fit, the visible
 * range, a line about the run and a switch for the legend), the {@link TimelineView}, and below it
 * the {@link ThreadStatsTable}. Use {@code new TimelinePane()} and {@link #setTrace(TraceModel)};
 * bind {@link #zoomProperty()} to the window's zoom.
 *
 * <p>The divider between the timeline and the table moves whenever the pane's height, the trace,
 * the zoom or the legend changes, so that a short pane still shows the lanes: first the axis and
 * one lane, then the table's header and first row, then every lane at its compact height, then
 * every row, and the rest to the lanes. What still does not fit scrolls. When showing the legend
 * would leave room for fewer than two lanes, the legend folds away; the Legend button brings it
 * back, until the pane's size next changes which side of that line it is on. FX-thread only.
 */
public final class TimelinePane extends BorderPane {
  /** The window's font size at zoom 1: the main window sets 13 px times its zoom on its root. */
  static final double BASE_FONT_PX = 13;

  /** About how tall the split pane's divider is. */
  private static final double DIVIDER_PX = 6;

  private final TimelineView view = new TimelineView();
  private final ThreadStatsTable table = new ThreadStatsTable();
  private final Label range = new Label();
  private final Label about = new Label();
  private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1.0);
  private final ToolBar bar;
  private final SplitPane split;
  private boolean dividerStale = true;
  private double dividerFittedFor;
  private Boolean roomForLegend;

  /** An empty pane; the timeline shows its placeholder until a trace is set. */
  public TimelinePane() {
    getStyleClass().add("gil-timeline-pane");
    getStylesheets().add(TimelinePane.class.getResource("timeline.css").toExternalForm());
    Label title = new Label("GIL timeline");
    title.setStyle("-fx-font-weight: bold;");
    Button out = button("−", "Zoom out (−, or Ctrl+scroll)", view::zoomOut);
    Button in = button("+", "Zoom in (+, Ctrl+scroll or double-click)", view::zoomIn);
    Button fit = button("Fit", "Show the whole run (0)", view::fit);
    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    range.getStyleClass().add("gil-timeline-range");
    range.setMinWidth(Region.USE_PREF_SIZE);
    about.getStyleClass().add("gil-timeline-about");
    about.setStyle("-fx-opacity: 0.75;");
    about.setMinWidth(0); // Cut short with an ellipsis rather than push the legend switch away.
    ToggleButton legend = new ToggleButton("Legend");
    legend.setTooltip(new Tooltip("Show or hide what the colours and marks mean"));
    legend.selectedProperty().bindBidirectional(view.legendShownProperty());
    legend.selectedProperty().addListener((obs, old, now) -> refitDivider());
    bar = new ToolBar(title, out, in, fit, range, grow, about, legend);
    range
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                this::rangeText,
                view.visibleStartProperty(),
                view.visibleSpanProperty(),
                view.traceProperty()));
    view.traceProperty()
        .addListener(
            (obs, old, now) -> {
              table.setTrace(now);
              about.setText(now == null ? "" : now.summary());
              boolean none = now == null || now.lanes().isEmpty();
              refitDivider();
              out.setDisable(none);
              in.setDisable(none);
              fit.setDisable(none);
            });
    out.setDisable(true);
    in.setDisable(true);
    fit.setDisable(true);
    split = new SplitPane(view, table);
    split.setOrientation(Orientation.VERTICAL);
    split.setDividerPositions(0.68);
    table.setPrefHeight(150);
    // Let a short pane squeeze both halves rather than spill out of its tab.
    table.setMinHeight(0);
    view.setMinHeight(0);
    split.heightProperty().addListener((obs, old, now) -> refitDivider());
    view.scaleProperty().bind(zoom);
    zoom.addListener((obs, old, now) -> applyZoom());
    applyZoom();
    setTop(bar);
    setCenter(split);
  }

  /**
   * How much larger than normal the pane draws everything: its text (the toolbar, the legend and
   * the table, from {@value #BASE_FONT_PX} px at zoom 1) and what the timeline paints (names, the
   * axis, bars and their text, markers and lane heights). 1.0 by default; 1.5 in presenter mode.
   */
  public DoubleProperty zoomProperty() {
    return zoom;
  }

  private void applyZoom() {
    // The pane's own size, not one relative to the window's: the window scales its root by the
    // same zoom, and a relative size would scale twice.
    setStyle(String.format(Locale.ROOT, "-fx-font-size: %.2fpx;", BASE_FONT_PX * zoom.get()));
    refitDivider();
  }

  /** Moves the divider at the next layout, once the CSS has sized the text for the new state. */
  private void refitDivider() {
    dividerStale = true;
    requestLayout();
  }

  /** Whether the legend shows above the timeline; see the class comment for when it folds. */
  public BooleanProperty legendShownProperty() {
    return view.legendShownProperty();
  }

  @Override
  protected void layoutChildren() {
    super.layoutChildren();
    foldLegendWhenShort();
    // The divider's own height is known only once it has been laid out: fit again with it.
    dividerStale |= dividerHeight() != dividerFittedFor;
    if (dividerStale && split.getHeight() > 0) {
      dividerStale = false;
      fitDivider();
    }
  }

  /**
   * Folds the legend away when showing it would leave room for fewer than two compact lanes beside
   * the table's header and first row, and unfolds it when there is room again. Only a change of
   * side does anything, so a click on the Legend button holds until then.
   */
  private void foldLegendWhenShort() {
    if (getHeight() <= 0 || getWidth() <= 0) {
      return;
    }
    double withLegend =
        bar.prefHeight(getWidth())
            + view.heightFor(2, TimelineLayout.COMPACT_LANE_HEIGHT, getWidth(), true)
            + dividerHeight()
            + table.heightFor(1, table.fontSize(), getWidth());
    boolean room = getHeight() >= withLegend;
    if (roomForLegend == null || room != roomForLegend) {
      roomForLegend = room;
      view.legendShownProperty().set(room);
    }
  }

  /**
   * Shares the height between the timeline and the table: first the axis and one compact lane, then
   * the table's header and first row, then every lane at its compact height, then every row, and
   * what is left to the lanes, which grow up to their full height.
   */
  private void fitDivider() {
    dividerFittedFor = dividerHeight();
    double total =
        split.getHeight() - split.snappedTopInset() - split.snappedBottomInset() - dividerHeight();
    double width = split.getWidth();
    int lanes = view.laneCount();
    int rows = lanes == 0 ? 3 : lanes;
    double compact = TimelineLayout.COMPACT_LANE_HEIGHT;
    double font = table.fontSize();
    HeightShare share = new HeightShare(total);
    double forView = share.take(view.heightFor(1, compact, width, false));
    double forTable = share.take(table.heightFor(1, font, width));
    forView += share.take(view.heightFor(Math.max(1, lanes), compact, width, false) - forView);
    forTable += share.take(table.heightFor(rows, font, width) - forTable);
    forView += share.rest();
    split.setDividerPositions(forView / Math.max(1, forView + forTable + dividerHeight()));
  }

  private double dividerHeight() {
    return split.lookup(".split-pane-divider") instanceof Region divider && divider.getHeight() > 0
        ? divider.getHeight()
        : DIVIDER_PX;
  }

  /** The trace shown, or {@code null} for none. */
  public ObjectProperty<TraceModel> traceProperty() {
    return view.traceProperty();
  }

  /** Shows {@code model} in the timeline and the table; {@code null} clears both. */
  public void setTrace(TraceModel model) {
    view.setTrace(model);
  }

  /** The trace shown, or {@code null}. */
  public TraceModel getTrace() {
    return view.getTrace();
  }

  /** Whether the timeline draws in its dark palette; bind it to the app's theme. */
  public BooleanProperty darkProperty() {
    return view.darkProperty();
  }

  /** The timeline itself. */
  public TimelineView timeline() {
    return view;
  }

  /** The per-thread statistics table. */
  public ThreadStatsTable statsTable() {
    return table;
  }

  private String rangeText() {
    if (view.getTrace() == null || view.laneCount() == 0) {
      return "";
    }
    long start = Math.round(view.visibleStartProperty().get());
    long end = Math.round(start + view.visibleSpanProperty().get());
    return (start == 0 ? "0" : TimeFormat.compact(start))
        + " – "
        + TimeFormat.compact(end)
        + "  ("
        + TimeFormat.compact(end - start)
        + " shown)";
  }

  private static Button button(String text, String help, Runnable action) {
    Button b = new Button(text);
    b.setTooltip(new Tooltip(help));
    b.setOnAction(e -> action.run());
    b.setMinWidth(34);
    return b;
  }
}

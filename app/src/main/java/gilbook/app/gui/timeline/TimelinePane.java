package gilbook.app.gui.timeline;

import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The GIL timeline as the main window embeds it: a toolbar (zoom out, zoom in, fit, the visible
 * range and a line about the run), the {@link TimelineView}, and below it the {@link
 * ThreadStatsTable}. Use {@code new TimelinePane()} and {@link #setTrace(TraceModel)}. FX-thread
 * only.
 */
public final class TimelinePane extends BorderPane {
  private final TimelineView view = new TimelineView();
  private final ThreadStatsTable table = new ThreadStatsTable();
  private final Label range = new Label();
  private final Label about = new Label();
  private final SplitPane split;

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
    ToolBar bar = new ToolBar(title, out, in, fit, range, grow, about);
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
              fitDivider();
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
    SplitPane.setResizableWithParent(table, false);
    table.setPrefHeight(150);
    split
        .heightProperty()
        .addListener(
            (obs, old, now) -> {
              if (old.doubleValue() <= 0) {
                fitDivider();
              }
            });
    setTop(bar);
    setCenter(split);
  }

  /**
   * Gives the table the height its rows need, within limits, and the timeline the rest, but never
   * less than its lanes need.
   */
  private void fitDivider() {
    double total = split.getHeight();
    if (total <= 0) {
      return;
    }
    double rows = view.getTrace() == null ? 3 : Math.max(3, view.getTrace().lanes().size());
    double tableWanted = 52 + 40 * rows;
    double viewWanted = view.prefHeight(split.getWidth()) + 8;
    double position = Math.max(viewWanted / total, 1 - tableWanted / total);
    split.setDividerPositions(Math.max(0.35, Math.min(0.8, position)));
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

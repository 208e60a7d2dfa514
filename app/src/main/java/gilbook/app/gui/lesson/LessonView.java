package gilbook.app.gui.lesson;

import gilbook.app.engine.LessonBlocks;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Worker;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.paint.Color;
import javafx.scene.web.WebEngine;
import javafx.scene.web.WebView;
import netscape.javascript.JSObject;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.events.Event;
import org.w3c.dom.events.EventListener;
import org.w3c.dom.events.EventTarget;

/**
 * Shows one lesson, rendered by {@link LessonRenderer}, in a WebView, with a notice bar above it
 * when the lesson has problems.
 *
 * <p>The page never navigates away from the lesson. Every link click is intercepted: {@code
 * #anchor} links scroll within the page, links to another markdown file go to {@link
 * #setOnOpenLesson}, and {@code http}, {@code https} and {@code mailto} links go to {@link
 * #setOnExternalLink} (typically {@code HostServices::showDocument}). Anything else is ignored.
 *
 * <p>{@link #themeProperty()} switches the page's colours and re-renders, keeping the scroll
 * position. {@link #zoomProperty()} scales the whole page, text and images alike, for presenter
 * mode, without re-rendering.
 *
 * <p>The notice bar uses AtlantaFX's colour variables, so an AtlantaFX theme should be active. Not
 * thread-safe: use it on the JavaFX application thread only.
 */
public final class LessonView extends BorderPane {
  private static final String STYLESHEET = "lesson-view.css";

  private final LessonRenderer renderer;
  private final WebView webView = new WebView();
  private final Label noticeBar = new Label();
  private final BooleanProperty dark = new SimpleBooleanProperty(this, "theme", false);
  private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1.0);
  private final ReadOnlyObjectWrapper<Path> currentLesson =
      new ReadOnlyObjectWrapper<>(this, "currentLesson");
  private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
  private final ObservableList<String> notices = FXCollections.observableArrayList();
  private final ObservableList<String> readOnlyNotices =
      FXCollections.unmodifiableObservableList(notices);
  // One listener for every page this view loads; the field keeps it reachable.
  private final EventListener clickListener = this::onClick;

  private Consumer<Path> onOpenLesson = file -> {};
  private Consumer<String> onExternalLink = url -> {};
  private Consumer<RunnableListing> onRunListing = listing -> {};
  private java.util.List<RunnableListing> listings = java.util.List.of();
  private BiConsumer<Path, LessonBlocks.Block> onRunBlock = (lesson, block) -> {};
  private java.util.List<LessonBlocks.Block> blocks = java.util.List.of();
  private double scrollToRestore = -1;
  private int loadsCompleted;

  /** Creates an empty view with its own renderer. */
  public LessonView() {
    this(new LessonRenderer());
  }

  /** Creates an empty view that renders with {@code renderer}. */
  public LessonView(LessonRenderer renderer) {
    this.renderer = Objects.requireNonNull(renderer, "renderer must not be null");
    getStyleClass().add("lesson-view");
    getStylesheets()
        .add(Objects.requireNonNull(getClass().getResource(STYLESHEET)).toExternalForm());

    noticeBar.getStyleClass().add("lesson-notices");
    noticeBar.setWrapText(true);
    noticeBar.setMaxWidth(Double.MAX_VALUE);
    noticeBar.visibleProperty().bind(Bindings.isNotEmpty(notices));
    noticeBar.managedProperty().bind(noticeBar.visibleProperty());
    setTop(noticeBar);

    // The context menu offers "Open Link" and "Reload", which would leave the lesson.
    webView.setContextMenuEnabled(false);
    webView.setPageFill(pageFill());
    setCenter(webView);

    WebEngine engine = webView.getEngine();
    engine.getLoadWorker().stateProperty().addListener((obs, old, state) -> onLoadState(state));
    engine.locationProperty().addListener((obs, old, location) -> onLocation(location));
    dark.addListener((obs, old, now) -> reloadKeepingScroll());
    zoom.addListener((obs, old, now) -> webView.setZoom(clampZoom(now.doubleValue())));
  }

  /**
   * Renders and shows {@code lessonFile}. The page loads asynchronously; a file that cannot be read
   * shows a page that says why.
   */
  public void show(Path lessonFile) {
    Objects.requireNonNull(lessonFile, "lessonFile must not be null");
    scrollToRestore = -1;
    currentLesson.set(lessonFile.toAbsolutePath().normalize());
    render();
  }

  /**
   * Renders the current lesson again from its file, for example after it was edited, keeping the
   * scroll position.
   */
  public void reload() {
    if (currentLesson.get() != null) {
      reloadKeepingScroll();
    }
  }

  /** The state of the current page load; {@code SUCCEEDED} once a lesson is on screen. */
  public javafx.beans.property.ReadOnlyObjectProperty<Worker.State> loadStateProperty() {
    return webView.getEngine().getLoadWorker().stateProperty();
  }

  /** The lesson shown, as an absolute, normalized path, or null before the first {@link #show}. */
  public Path currentLesson() {
    return currentLesson.get();
  }

  /** The lesson shown, or null before the first {@link #show}. */
  public ReadOnlyObjectProperty<Path> currentLessonProperty() {
    return currentLesson.getReadOnlyProperty();
  }

  /** The current lesson's title: its first level-1 heading, else its file name. */
  public ReadOnlyStringProperty titleProperty() {
    return title.getReadOnlyProperty();
  }

  /** The current lesson's problems, such as a missing image; empty when it has none. */
  public ObservableList<String> notices() {
    return readOnlyNotices;
  }

  /**
   * The page's theme: true for dark (PrimerDark colours), false for light (PrimerLight). Changing
   * it re-renders the lesson and keeps the scroll position.
   */
  public BooleanProperty themeProperty() {
    return dark;
  }

  /** The page scale: 1 for normal, larger for presenter mode. Values are kept within 0.25–5. */
  public DoubleProperty zoomProperty() {
    return zoom;
  }

  /** Called with the file when the learner clicks a link to another lesson. */
  public void setOnOpenLesson(Consumer<Path> handler) {
    onOpenLesson = Objects.requireNonNull(handler, "handler must not be null");
  }

  /** What a click on a listing's "run" link does: the window runs it and shows the timeline. */
  public void setOnRunListing(Consumer<RunnableListing> handler) {
    onRunListing = Objects.requireNonNull(handler, "handler must not be null");
  }

  /** The runnable {@code ```dis} listings of the lesson shown, in page order. */
  public java.util.List<RunnableListing> listings() {
    return listings;
  }

  /**
   * What a click on a {@code ```jshell} block's "run" link does, given the lesson's file and the
   * block: the window runs the block.
   */
  public void setOnRunBlock(BiConsumer<Path, LessonBlocks.Block> handler) {
    onRunBlock = Objects.requireNonNull(handler, "handler must not be null");
  }

  /** The runnable {@code ```jshell} blocks of the lesson shown, in page order. */
  public java.util.List<LessonBlocks.Block> blocks() {
    return blocks;
  }

  /** Called with the address when the learner clicks an {@code http(s)} or {@code mailto} link. */
  public void setOnExternalLink(Consumer<String> handler) {
    onExternalLink = Objects.requireNonNull(handler, "handler must not be null");
  }

  /** The web view, for tests. */
  WebView webView() {
    return webView;
  }

  /** How many pages have finished loading, for tests that wait for the next one. */
  int loadsCompleted() {
    return loadsCompleted;
  }

  private void render() {
    LessonTheme theme = LessonTheme.of(dark.get());
    RenderedLesson lesson = renderer.render(currentLesson.get(), theme, 1.0);
    title.set(lesson.title());
    listings = lesson.listings();
    blocks = lesson.blocks();
    notices.setAll(lesson.notices());
    noticeBar.setText(noticeText());
    noticeBar.setTooltip(notices.isEmpty() ? null : new Tooltip(String.join("\n", notices)));
    webView.setPageFill(pageFill());
    webView.getEngine().loadContent(lesson.html(), "text/html");
  }

  private void reloadKeepingScroll() {
    if (currentLesson.get() == null) {
      return;
    }
    Object y = webView.getEngine().executeScript("window.scrollY");
    scrollToRestore = y instanceof Number n ? n.doubleValue() : -1;
    render();
  }

  private void onLoadState(Worker.State state) {
    if (state != Worker.State.SUCCEEDED) {
      return;
    }
    Document document = webView.getEngine().getDocument();
    if (document instanceof EventTarget target) {
      target.addEventListener("click", clickListener, false);
    }
    if (scrollToRestore > 0) {
      webView.getEngine().executeScript("window.scrollTo(0, " + scrollToRestore + ")");
    }
    scrollToRestore = -1;
    loadsCompleted++;
  }

  /**
   * A safety net: should anything but a click (a script, a keyboard shortcut) still navigate the
   * page, put the lesson back and treat the address like a clicked link.
   */
  private void onLocation(String location) {
    if (location == null || location.isEmpty() || location.startsWith("about:blank")) {
      return;
    }
    Platform.runLater(
        () -> {
          if (currentLesson.get() != null) {
            render();
          }
          follow(location);
        });
  }

  private void onClick(Event event) {
    Element anchor = enclosingLink((Node) event.getTarget());
    if (anchor == null) {
      return;
    }
    event.preventDefault();
    follow(anchor.getAttribute("href"));
  }

  private void follow(String href) {
    Path lesson = currentLesson.get();
    Path folder = lesson == null ? Path.of("").toAbsolutePath() : lesson.getParent();
    LessonLink link = LessonLink.of(href, folder);
    if (link instanceof LessonLink.Anchor anchor) {
      scrollTo(anchor.id());
    } else if (link instanceof LessonLink.Lesson other) {
      // Later, not inside the page's own click dispatch: the handler may replace the page.
      Platform.runLater(() -> onOpenLesson.accept(other.file()));
    } else if (link instanceof LessonLink.RunListing run) {
      if (run.index() >= 0 && run.index() < listings.size()) {
        RunnableListing listing = listings.get(run.index());
        Platform.runLater(() -> onRunListing.accept(listing));
      }
    } else if (link instanceof LessonLink.RunBlock run) {
      if (lesson != null && run.number() >= 1 && run.number() <= blocks.size()) {
        LessonBlocks.Block block = blocks.get(run.number() - 1);
        Platform.runLater(() -> onRunBlock.accept(lesson, block));
      }
    } else if (link instanceof LessonLink.External external) {
      Platform.runLater(() -> onExternalLink.accept(external.url()));
    }
  }

  private void scrollTo(String id) {
    Document document = webView.getEngine().getDocument();
    Element target = document == null ? null : document.getElementById(id);
    if (target instanceof JSObject element) {
      element.call("scrollIntoView");
    }
  }

  private static Element enclosingLink(Node node) {
    for (Node n = node; n != null; n = n.getParentNode()) {
      if (n instanceof Element e
          && e.getTagName().equalsIgnoreCase("a")
          && e.hasAttribute("href")) {
        return e;
      }
    }
    return null;
  }

  private String noticeText() {
    if (notices.size() == 1) {
      return "This lesson has a problem: " + notices.get(0);
    }
    return notices.size() + " problems in this lesson: " + String.join(" · ", notices);
  }

  private Color pageFill() {
    return Color.web(LessonStylesheet.background(LessonTheme.of(dark.get())));
  }

  private static double clampZoom(double value) {
    return Double.isNaN(value) ? 1.0 : Math.max(0.25, Math.min(5.0, value));
  }
}

package gilbook.app.gui.window;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Puts a stage where {@link WindowPlacement} says, and saves its bounds to a {@link
 * WindowBoundsStore} when it closes. While the stage is maximized, the bounds it had before are the
 * ones kept, so that the next start can restore both. FX thread only.
 */
public final class StagePlacement {
  private final Stage stage;
  private final WindowBoundsStore store;
  private WindowBounds normal;

  private StagePlacement(Stage stage, WindowBoundsStore store) {
    this.stage = stage;
    this.store = store;
  }

  /** Places {@code stage} (before it is shown) and remembers its bounds from now on. */
  public static StagePlacement apply(Stage stage, WindowBoundsStore store) {
    StagePlacement placement = new StagePlacement(stage, store);
    placement.place();
    return placement;
  }

  private void place() {
    Screen primaryScreen = Screen.getPrimary();
    List<Rectangle2D> screens = new ArrayList<>();
    screens.add(primaryScreen.getVisualBounds());
    for (Screen s : Screen.getScreens()) {
      if (!s.equals(primaryScreen)) {
        screens.add(s.getVisualBounds());
      }
    }
    WindowBounds b = WindowPlacement.place(store.load(), screens);
    Rectangle2D primary = screens.get(0);
    stage.setMinWidth(WindowPlacement.minWidth(primary));
    stage.setMinHeight(WindowPlacement.minHeight(primary));
    stage.setX(b.x());
    stage.setY(b.y());
    stage.setWidth(b.width());
    stage.setHeight(b.height());
    stage.setMaximized(b.maximized());
    normal = b;
    stage.xProperty().addListener((obs, old, now) -> track());
    stage.yProperty().addListener((obs, old, now) -> track());
    stage.widthProperty().addListener((obs, old, now) -> track());
    stage.heightProperty().addListener((obs, old, now) -> track());
  }

  private void track() {
    if (!stage.isMaximized() && !stage.isIconified() && stage.getWidth() > 0) {
      normal =
          new WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false);
    }
  }

  /** The bounds to remember now. */
  public WindowBounds current() {
    return new WindowBounds(
        normal.x(), normal.y(), normal.width(), normal.height(), stage.isMaximized());
  }

  /** Saves the bounds; a failure is printed, never thrown, as the window is closing. */
  public void save() {
    store.save(current()).ifPresent(problem -> System.err.println("gilbook: " + problem));
  }
}

package gilbook.app.gui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.BooleanSupplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.util.Duration;

/**
 * Drives the real window through a short tour and saves a screenshot at each stop: the lesson
 * beside the code, the check results, and the GIL timeline of a run. Used by {@code
 * scripts/screenshots} (run with {@code -Dgilbook.screenshots=DIR}) to make the README's pictures
 * from the app itself. FX thread only.
 */
final class ScreenshotTour {
  private record Step(String name, Runnable action, BooleanSupplier ready, String shot) {}

  private final MainWindow window;
  private final Scene scene;
  private final Path dir;
  private final Deque<Step> steps = new ArrayDeque<>();
  private Step current;
  private long startedAt;

  ScreenshotTour(MainWindow window, Scene scene, Path dir) {
    this.window = window;
    this.scene = scene;
    this.dir = dir;
    steps.add(new Step("lesson", () -> {}, () -> waited(2500), "gilbook-lesson.png"));
    steps.add(
        new Step(
            "check", window::check, () -> waited(1000) && !window.busy(), "gilbook-checks.png"));
    steps.add(
        new Step(
            "run",
            window::run,
            () -> waited(1000) && !window.busy() && window.timeline().timeline().laneCount() > 0,
            null));
    steps.add(
        new Step("timeline", window::showTimeline, () -> waited(800), "gilbook-timeline.png"));
  }

  private boolean waited(long millis) {
    return System.currentTimeMillis() - startedAt >= millis;
  }

  void start() {
    Timeline poll = new Timeline(new KeyFrame(Duration.millis(200), e -> tick()));
    poll.setCycleCount(Timeline.INDEFINITE);
    poll.play();
  }

  private void tick() {
    if (current == null) {
      current = steps.poll();
      if (current == null) {
        Platform.exit();
        return;
      }
      startedAt = System.currentTimeMillis();
      current.action().run();
      return;
    }
    if (current.ready().getAsBoolean() || waited(60_000)) {
      if (current.shot() != null) {
        save(current.shot());
      }
      current = null;
    }
  }

  private void save(String name) {
    try {
      Png.write(scene.snapshot(null), dir.resolve(name));
      System.out.println("screenshot: " + dir.resolve(name));
    } catch (IOException e) {
      System.err.println("could not save " + name + ": " + e.getMessage());
    }
  }
}

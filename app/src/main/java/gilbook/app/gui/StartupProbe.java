package gilbook.app.gui;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.concurrent.Worker;
import javafx.util.Duration;

/**
 * Measurements of the real window for the benchmarks ({@code -Dgilbook.probe=...}), printed on
 * standard output as {@code gilbook-probe: name value}, after which the app exits.
 *
 * <ul>
 *   <li>{@code first-lesson}: milliseconds from JVM start until the first lesson has rendered;
 *   <li>{@code rss}: resident memory after the lesson has been shown three times (it is rendered
 *       again on each theme switch) and one check has run.
 * </ul>
 */
final class StartupProbe {
  private static boolean reported;

  private StartupProbe() {}

  static void start(String probe, MainWindow window) {
    switch (probe) {
      case "first-lesson" ->
          onFirstLesson(
              window,
              () -> {
                long ms = ManagementFactory.getRuntimeMXBean().getUptime();
                report("first-lesson-ms", Long.toString(ms));
              });
      case "rss" -> onFirstLesson(window, () -> rss(window));
      default -> {
        System.err.println("gilbook: unknown probe '" + probe + "'");
        Platform.exit();
      }
    }
  }

  private static void onFirstLesson(MainWindow window, Runnable then) {
    var state = window.lesson().loadStateProperty();
    if (state.get() == Worker.State.SUCCEEDED) {
      afterPulse(then);
      return;
    }
    state.addListener(
        (obs, old, now) -> {
          if (now == Worker.State.SUCCEEDED) {
            afterPulse(then);
          }
        });
  }

  /** Runs after the next frame has been drawn. */
  private static void afterPulse(Runnable then) {
    PauseTransition pause = new PauseTransition(Duration.millis(16));
    pause.setOnFinished(e -> then.run());
    pause.play();
  }

  private static void rss(MainWindow window) {
    window.darkProperty().set(true); // second render of the lesson
    window.darkProperty().set(false); // third
    window.check();
    javafx.animation.Timeline poll =
        new javafx.animation.Timeline(
            new javafx.animation.KeyFrame(
                Duration.millis(200),
                e -> {
                  if (!window.busy() && !reported) {
                    reported = true;
                    report("rss-mb", Long.toString(residentMegabytes()));
                  }
                }));
    poll.setCycleCount(javafx.animation.Animation.INDEFINITE);
    PauseTransition started = new PauseTransition(Duration.millis(500));
    started.setOnFinished(e -> poll.play());
    started.play();
  }

  static long residentMegabytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux: fall through
    }
    return -1;
  }

  private static void report(String name, String value) {
    System.out.println("gilbook-probe: " + name + " " + value);
    System.out.flush();
    Platform.exit();
  }
}

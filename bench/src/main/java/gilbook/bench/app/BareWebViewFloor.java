package gilbook.bench.app;

import java.lang.management.ManagementFactory;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.concurrent.Worker;
import javafx.scene.Scene;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The floor for the window's start-up: a bare JavaFX window with a WebView showing a small page.
 * Prints {@code floor-first-frame-ms N} (JVM uptime when the page has loaded and a frame has been
 * drawn) and exits. Started through {@link Launch}, since on the class path the main class must not
 * extend {@code Application}.
 */
public final class BareWebViewFloor extends Application {

  /** The main class. */
  public static final class Launch {
    private Launch() {}

    public static void main(String[] args) {
      Application.launch(BareWebViewFloor.class, args);
    }
  }

  @Override
  public void start(Stage stage) {
    WebView web = new WebView();
    web.getEngine()
        .getLoadWorker()
        .stateProperty()
        .addListener(
            (obs, old, now) -> {
              if (now == Worker.State.SUCCEEDED) {
                PauseTransition frame = new PauseTransition(Duration.millis(16));
                frame.setOnFinished(
                    e -> {
                      System.out.println(
                          "floor-first-frame-ms "
                              + ManagementFactory.getRuntimeMXBean().getUptime());
                      Platform.exit();
                    });
                frame.play();
              }
            });
    web.getEngine().loadContent("<html><body><h1>floor</h1><p>A bare WebView.</p></body></html>");
    stage.setScene(new Scene(web, 1400, 900));
    stage.show();
  }
}

package gilbook.app.gui;

import gilbook.app.engine.Progress;
import gilbook.app.engine.ProgressState;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/**
 * Tells the window when the learner's progress changed, most often in another gilbook process (a
 * {@code check} or {@code hint} in a terminal beside the window), so its marks and hints follow.
 *
 * <p>It looks once a second, as the editor does for its file, but on a thread of its own: a look
 * touches the disk, and the background thread may be busy with a check for seconds. A look is one
 * read of the file's attributes unless it changed ({@link Progress#refresh()}). It reports any
 * change to the progress or its warning, including marks the window's own actions picked up (each
 * re-reads the file). Thread-safe; the callback runs on the FX thread.
 */
final class ProgressWatch implements AutoCloseable {
  private static final long LOOK_EVERY_MILLIS = 1000;

  /** What was last reported. */
  private record Seen(ProgressState state, Optional<String> warning) {}

  private final Progress progress;
  private final Runnable onChange;
  private final ScheduledExecutorService looker =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "gilbook-progress-watch");
            t.setDaemon(true);
            return t;
          });
  private Seen seen; // the looker thread only

  ProgressWatch(Progress progress, Runnable onChange) {
    this.progress = progress;
    this.onChange = onChange;
    this.seen = now();
    looker.scheduleWithFixedDelay(
        this::look, LOOK_EVERY_MILLIS, LOOK_EVERY_MILLIS, TimeUnit.MILLISECONDS);
  }

  private Seen now() {
    return new Seen(progress.state(), progress.warning());
  }

  private void look() {
    try {
      progress.refresh();
      Seen now = now();
      if (!now.equals(seen)) {
        seen = now;
        Platform.runLater(onChange);
      }
    } catch (RuntimeException e) {
      // A failed look (a repair that could not write, say) must not end the watch: an exception
      // would cancel every later look. The next look tries again.
    }
  }

  /** Stops looking; called when the window closes. */
  @Override
  public void close() {
    looker.shutdownNow();
  }
}

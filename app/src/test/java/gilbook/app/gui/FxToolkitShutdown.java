package gilbook.app.gui;

import java.util.Optional;
import javafx.application.Platform;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Stops the JavaFX toolkit after the last test, before the test JVM exits.
 *
 * <p>Surefire ends its test JVM with {@code System.exit}. When the JavaFX thread is still running
 * then, with the WebViews of the window tests alive, WebKit's native code sometimes aborts the
 * whole JVM during exit (SIGABRT, "Aborted" in Maven's log, "The forked VM terminated without
 * properly saying goodbye"), after every test has passed: one run in six of two window tests on
 * this machine. An application that closes its window exits through the toolkit first, which is the
 * path WebKit is made for; this listener gives the tests that same path. Registered in {@code
 * META-INF/services}, so it runs once per test JVM, whichever tests ran.
 */
public final class FxToolkitShutdown implements LauncherSessionListener {
  private static final String FX_THREAD = "JavaFX Application Thread";

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    Optional<Thread> fx =
        Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.getName().equals(FX_THREAD))
            .findFirst();
    if (fx.isEmpty()) {
      return; // no window test ran in this JVM
    }
    Platform.exit();
    try {
      fx.get().join(60_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

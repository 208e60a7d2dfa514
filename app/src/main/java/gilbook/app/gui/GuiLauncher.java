package gilbook.app.gui;

import javafx.application.Application;

/** Starts the window. Kept apart from {@link GilbookApp}: on the class path, JavaFX needs that. */
public final class GuiLauncher {
  private GuiLauncher() {}

  public static void launch(String[] args) {
    Application.launch(GilbookApp.class, args);
  }
}

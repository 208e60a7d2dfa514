package gilbook.app.gui.panels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The run console shows the worker's output as it was printed, however the bytes were split. */
@ExtendWith(ApplicationExtension.class)
class ConsolePaneTests {
  private static final String TEXT = "GIL ✓ naïve → 50 € 🐍\nswitches: 3\n";

  private ConsolePane console;

  @Start
  void start(Stage stage) {
    console = new ConsolePane();
    stage.setScene(new Scene(console, 400, 200));
    stage.show();
  }

  @Test
  void aCharacterSplitBetweenTwoWritesArrivesWhole() throws Exception {
    byte[] bytes = TEXT.getBytes(StandardCharsets.UTF_8);
    OutputStream out = console.stream();
    // Every split point, including inside each multi-byte character.
    for (int i = 0; i < bytes.length; i++) {
      out.write(bytes, i, 1);
    }
    assertEquals(TEXT, shown());
  }

  @Test
  void chunksOfAnySizeKeepTheText() throws Exception {
    byte[] bytes = TEXT.repeat(2_000).getBytes(StandardCharsets.UTF_8);
    OutputStream out = console.stream();
    int chunk = 7;
    for (int i = 0; i < bytes.length; ) {
      int n = Math.min(chunk, bytes.length - i);
      out.write(bytes, i, n);
      i += n;
      chunk = chunk * 31 % 9_001 + 1; // sizes from 1 byte to past the stream's buffer
    }
    String shown = shown();
    assertEquals(TEXT.length() * 2_000, shown.length(), "characters shown");
    assertEquals(TEXT.repeat(2_000), shown);
  }

  private String shown() throws Exception {
    WaitForAsyncUtils.waitForFxEvents();
    return WaitForAsyncUtils.asyncFx(() -> console.getText()).get(120, TimeUnit.SECONDS);
  }
}

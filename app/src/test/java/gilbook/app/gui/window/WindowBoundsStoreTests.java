package gilbook.app.gui.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's place survives a restart, and a damaged file costs only the place. */
class WindowBoundsStoreTests {
  @TempDir Path dir;

  @Test
  void boundsComeBackAsSaved() {
    WindowBoundsStore store = new WindowBoundsStore(dir.resolve("cfg/window.properties"));
    assertEquals(Optional.empty(), store.load());
    WindowBounds b = new WindowBounds(12.5, 30, 1100, 650, true);
    assertEquals(Optional.empty(), store.save(b));
    assertEquals(Optional.of(b), new WindowBoundsStore(store.file()).load());
  }

  @Test
  void aDamagedFileIsIgnored() throws Exception {
    Path file = dir.resolve("window.properties");
    for (String text : new String[] {"x=1\ny=2\n", "x=a\ny=2\nwidth=3\nheight=4\n", "\0\0\0"}) {
      Files.writeString(file, text);
      assertEquals(Optional.empty(), new WindowBoundsStore(file).load(), text);
    }
  }

  @Test
  void aFailedSaveIsReportedNotThrown() throws Exception {
    Path blocker = dir.resolve("not-a-folder");
    Files.writeString(blocker, "a file where the folder should be");
    Optional<String> problem =
        new WindowBoundsStore(blocker.resolve("window.properties"))
            .save(new WindowBounds(0, 0, 800, 600, false));
    assertTrue(problem.isPresent());
    assertTrue(problem.get().contains("not-a-folder"), problem.get());
  }
}

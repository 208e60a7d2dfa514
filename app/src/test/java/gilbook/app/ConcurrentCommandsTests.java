package gilbook.app;

import static gilbook.app.TempWorkbook.REFCOUNT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gilbook.app.engine.Progress;
import gilbook.app.engine.Workbook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * gilbook commands run as separate processes at once, beside a window's copy of the progress, on a
 * temporary copy of the workbook (issue 9): no mark is lost, whatever the schedule.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ConcurrentCommandsTests {
  private static final Pattern LEVEL = Pattern.compile("^(\\d+)/\\d+ ", Pattern.MULTILINE);

  @TempDir Path dir;

  private static ChildJvm gilbook(TempWorkbook workbook, String... args) {
    return ChildJvm.start(Main.class, List.of("-Dgilbook.root=" + workbook.root()), args);
  }

  private static ChildJvm.Result succeeded(ChildJvm child) throws InterruptedException {
    ChildJvm.Result r = child.finish(240);
    assertEquals(0, r.exit(), r.output());
    return r;
  }

  /** The highest hint level a {@code hint} command printed. */
  private static int lastLevelShown(String output) {
    Matcher m = LEVEL.matcher(output);
    int last = 0;
    while (m.find()) {
      last = Math.max(last, Integer.parseInt(m.group(1)));
    }
    return last;
  }

  @Test
  void threeHintCommandsStartedTogetherUnlockThreeLevels() throws Exception {
    TempWorkbook workbook = TempWorkbook.copyInto(dir.resolve("wb"));
    List<ChildJvm> hints = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      hints.add(gilbook(workbook, "hint", REFCOUNT));
    }
    List<Integer> shown = new ArrayList<>();
    for (ChildJvm hint : hints) {
      shown.add(lastLevelShown(succeeded(hint).output()));
    }
    assertEquals(List.of(1, 2, 3), shown.stream().sorted().toList(), "each one level further");
    Progress after = Progress.load(workbook.progressFile());
    assertEquals(3, after.hintLevel(REFCOUNT));
    assertEquals(Optional.empty(), after.current(), "a hint does not move the learner");
  }

  @Test
  void checkHintAndTheWindowAtOnceLoseNoMark() throws Exception {
    TempWorkbook workbook = TempWorkbook.copyInto(dir.resolve("wb"));
    Files.writeString(workbook.learnerFile(), TempWorkbook.solution());
    try (Workbook window = Workbook.open(workbook.root())) { // opened first, as the window is
      String next = window.next(window.exercise(REFCOUNT)).orElseThrow().id();
      ChildJvm check = gilbook(workbook, "check", REFCOUNT);
      ChildJvm hintRefcount = gilbook(workbook, "hint", REFCOUNT);
      ChildJvm hintNext = gilbook(workbook, "hint", next);
      window.progress().current(next); // the learner opens the next exercise...
      window.hints(window.exercise(next), null); // ...and clicks Hint
      assertTrue(succeeded(check).output().contains("Next: ./gilbook check " + next));
      succeeded(hintRefcount);
      succeeded(hintNext);

      // The window's copy predates every command above; one more click must keep their marks.
      window.hints(window.exercise(REFCOUNT), null);

      Progress after = Progress.load(workbook.progressFile());
      assertTrue(after.isDone(REFCOUNT), "check's done mark survives: " + after.state());
      assertEquals(2, after.hintLevel(REFCOUNT), after.state().toString());
      assertEquals(2, after.hintLevel(next), after.state().toString());
      assertEquals(Optional.of(next), after.current());
      assertEquals(after.state(), window.progress().state(), "the window's copy is fresh");
    }
  }
}

package gilbook.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code gilbook dis} on listings made by this machine's CPython 3.11 (see the runtime's
 * src/test/resources/bytecode/README.md for how they were made).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DisCommandTests {
  private static final Path LISTINGS =
      TempWorkbook.REAL_ROOT.resolve("runtime/src/test/resources/bytecode");
  private static final String STAT =
      "{\"stat\": {\"piece_count\": 0, \"reward_count\": 0}, \"N\": 20000}";

  @RegisterExtension static final TempWorkbookExtension workbook = new TempWorkbookExtension();

  private static TempWorkbook.Run reward(String policy, String... more) {
    String[] base = {
      "dis",
      LISTINGS.resolve("reward.dis").toString(),
      "--entry",
      "process_piece",
      "--threads",
      "2",
      "--args",
      STAT,
      "--switch-interval",
      "1us",
      "--policy",
      policy,
      "--json"
    };
    String[] args = new String[base.length + more.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return workbook.run(args);
  }

  @Test
  void theRewardCounterIsExactUnder311EvenWithManySwitches() {
    TempWorkbook.Run r = reward("3.11");
    assertEquals(0, r.exit(), r::toString);
    JsonNode json = r.json();
    assertEquals(40_000, json.at("/args/stat/piece_count").asLong());
    assertEquals(4_000, json.at("/args/stat/reward_count").asLong());
    assertTrue(json.get("switches").asLong() > 1_000, "the threads did interleave");
    assertEquals(3, json.get("threads").size(), "two workers and the main thread");
    for (String key : new String[] {"args", "globals", "switches", "threads", "seed"}) {
      assertTrue(json.has(key), key + " missing from " + json);
    }
  }

  @Test
  void theSameListingLosesUpdatesUnderTheTickPolicy() {
    TempWorkbook.Run r = reward("tick");
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.json().at("/args/stat/piece_count").asLong() < 40_000, r.out());
  }

  @Test
  void showMarksTheCheckPoints() {
    TempWorkbook.Run r = reward("3.11", "--show");
    String listing = r.json().get("listing").asText();
    assertTrue(listing.contains("JUMP_BACKWARD"), listing);
    assertTrue(listing.contains("◆ check point"), listing);
  }

  @Test
  void badInputIsAUsageErrorThatSaysWhatToWrite() {
    TempWorkbook.Run interval =
        workbook.run("dis", LISTINGS.resolve("reward.dis").toString(), "--switch-interval", "5");
    assertEquals(2, interval.exit());
    assertTrue(interval.err().contains("like 5ms, 500us"), interval.err());
    TempWorkbook.Run json =
        workbook.run("dis", LISTINGS.resolve("reward.dis").toString(), "--args", "{oops");
    assertEquals(2, json.exit());
    assertTrue(json.err().contains("--args is not valid JSON"), json.err());
  }

  @Test
  void aListingFromAnotherVersionIsRefusedWithItsReason() throws Exception {
    Path old = workbook.scratch("old.dis");
    java.nio.file.Files.writeString(
        old,
        "  2           0 LOAD_GLOBAL              0 (range)\n"
            + "              2 CALL_FUNCTION            1\n"
            + "              4 RETURN_VALUE\n");
    TempWorkbook.Run r = workbook.run("dis", old.toString());
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().contains("CALL_FUNCTION"), r.err());
  }
}

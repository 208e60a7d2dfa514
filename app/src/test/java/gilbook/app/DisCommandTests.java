package gilbook.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code gilbook dis} on listings made by this machine's CPython 3.11: the runtime's (see its
 * src/test/resources/bytecode/README.md) and ours, made the ways a learner makes one (see
 * src/test/resources/dis/make_listings.sh).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DisCommandTests {
  private static final Path LISTINGS =
      TempWorkbook.REAL_ROOT.resolve("runtime/src/test/resources/bytecode");
  private static final Path LEARNER_LISTINGS =
      TempWorkbook.REAL_ROOT.resolve("app/src/test/resources/dis");

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

  /** The done-when, through the CLI: the module listing with its lock, every policy. */
  @ParameterizedTest
  @ValueSource(strings = {"3.11", "3.10", "tick"})
  void theRewardModuleWithItsLockIsExactUnderEveryPolicy(String policy) {
    TempWorkbook.Run r =
        workbook.run(
            "dis",
            LISTINGS.resolve("reward_lock.dis").toString(),
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
            "--json");
    assertEquals(0, r.exit(), r::toString);
    assertEquals(40_000, r.json().at("/args/stat/piece_count").asLong());
    assertEquals(4_000, r.json().at("/args/stat/reward_count").asLong());
  }

  @Test
  void mainRunsTheModuleAsAScriptThatStartsItsOwnThreads() throws Exception {
    TempWorkbook.Run r =
        workbook.run("dis", LISTINGS.resolve("primitives.dis").toString(), "--main", "--seed", "2");
    assertEquals(0, r.exit(), r::toString);
    assertTrue(
        r.out().startsWith(Files.readString(LISTINGS.resolve("primitives.out"))), r::toString);
  }

  @Test
  void anUncaughtExceptionPrintsItsThreadsTracebackOnStderrAndTheOthersFinish() {
    TempWorkbook.Run r =
        workbook.run(
            "dis",
            LISTINGS.resolve("exceptions.dis").toString(),
            "--entry",
            "worker",
            "--threads",
            "4",
            "--args",
            "{\"stat\": {\"started\": 0, \"count\": 0}}");
    assertTrue(r.out().contains("{\"stat\":{\"started\":4,\"count\":300}}"), r::toString);
    assertTrue(r.err().contains(" (worker):\nTraceback (most recent call last):\n"), r::toString);
    assertTrue(
        r.err().contains("  File \"exceptions.py\", line 88, in worker\nKeyError: 'missing'\n"),
        r::toString);
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
    Files.writeString(
        old,
        "  2           0 LOAD_GLOBAL              0 (range)\n"
            + "              2 CALL_FUNCTION            1\n"
            + "              4 RETURN_VALUE\n");
    TempWorkbook.Run r = workbook.run("dis", old.toString());
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().contains("CALL_FUNCTION"), r.err());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {"counter-dis-of-source.dis", "counter-compiled-string.dis", "counter-m-dis.dis"})
  void runsListingsMadeWithDisOfSourceCompileAndMinusMDis(String name) {
    TempWorkbook.Run r =
        workbook.run(
            "dis",
            LEARNER_LISTINGS.resolve(name).toString(),
            "--entry",
            "work",
            "--args",
            "{\"N\": 1000}",
            "--globals",
            "{\"counter\": 0}",
            "--json");
    assertEquals(0, r.exit(), r::toString);
    // Under 3.11 nothing can switch threads inside "counter += 1": no update is lost.
    assertEquals(2_000, r.json().at("/globals/counter").asLong(), r::toString);
  }

  @Test
  void aComprehensionsHeaderIsReadAndTheComprehensionRuns() {
    TempWorkbook.Run r =
        workbook.run(
            "dis",
            LEARNER_LISTINGS.resolve("squares-dis-of-source.dis").toString(),
            "--entry",
            "squares",
            "--args",
            "{\"n\": 5}");
    assertEquals(0, r.exit(), r::toString);
    assertFalse(r.out().contains("✗"), r::toString);
  }

  @Test
  void aBinaryFileIsAUsageErrorThatNamesItAndSaysHowToMakeAListing() throws Exception {
    Path binary = workbook.scratch("picture.dis");
    Files.write(binary, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xff});
    TempWorkbook.Run r = workbook.run("dis", binary.toString());
    assertEquals(2, r.exit(), r::toString);
    assertTrue(r.err().contains(binary + " is not text, so it is not a dis listing"), r.err());
    assertTrue(r.err().contains("python3.11 -m dis file.py > FILE"), r.err());
    assertFalse(r.err().contains("Input length"), r.err());
  }

  @Test
  void aMissingListingOrTraceFolderIsAUsageErrorThatNamesThePath() {
    Path missing = workbook.scratch("no-such.dis");
    TempWorkbook.Run r = workbook.run("dis", missing.toString());
    assertEquals(2, r.exit(), r::toString);
    assertTrue(r.err().contains("no file at " + missing), r.err());
    Path trace = workbook.scratch("no-such-folder").resolve("trace.json");
    TempWorkbook.Run t =
        workbook.run("dis", LISTINGS.resolve("reward.dis").toString(), "--trace", trace.toString());
    assertEquals(2, t.exit(), t::toString);
    assertTrue(t.err().contains("there is no folder " + trace.getParent()), t.err());
  }
}

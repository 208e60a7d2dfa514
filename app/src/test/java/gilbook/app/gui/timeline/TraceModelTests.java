package gilbook.app.gui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a trace's JSON into lanes, segments, markers and statistics. */
class TraceModelTests {
  private static final TraceModel MODEL = TraceModel.parse(TraceFixtures.THREE_THREADS);

  private static Lane lane(String name) {
    return MODEL.lane(name).orElseThrow(() -> new AssertionError("no lane " + name));
  }

  private static List<long[]> spans(Lane lane, Segment.Kind kind) {
    return lane.segments(kind).stream().map(s -> new long[] {s.start(), s.end()}).toList();
  }

  private static void assertSpans(List<long[]> actual, long... startEndPairs) {
    StringBuilder a = new StringBuilder();
    actual.forEach(s -> a.append(s[0]).append("..").append(s[1]).append(' '));
    StringBuilder e = new StringBuilder();
    for (int i = 0; i < startEndPairs.length; i += 2) {
      e.append(startEndPairs[i]).append("..").append(startEndPairs[i + 1]).append(' ');
    }
    assertEquals(e.toString(), a.toString());
  }

  @Nested
  class AHandWrittenTraceWithThreeThreads {

    @Test
    void hasOneLanePerThreadInThreadIdOrder() {
      assertEquals(List.of("A", "B", "io"), MODEL.lanes().stream().map(Lane::name).toList());
      assertEquals(List.of(1L, 2L, 3L), MODEL.lanes().stream().map(Lane::threadId).toList());
    }

    @Test
    void holdsRunFromTakeToDrop() {
      assertSpans(spans(lane("A"), Segment.Kind.HOLDING), 0, 5_000_100, 10_000_200, 12_000_000);
      assertSpans(
          spans(lane("io"), Segment.Kind.HOLDING), 12_500_000, 12_500_000, 13_500_000, 13_600_000);
    }

    @Test
    void waitsRunFromTakeRequestToTakeAndAnImmediateTakeIsNoWait() {
      assertSpans(spans(lane("A"), Segment.Kind.WAITING), 5_000_100, 10_000_200);
      assertSpans(spans(lane("B"), Segment.Kind.WAITING), 0, 5_000_100, 10_000_200, 12_000_000);
      assertSpans(spans(lane("io"), Segment.Kind.WAITING), 11_000_000, 12_500_000);
    }

    @Test
    void ioIsBlockedForTheEventsDurationWithTheGilReleased() {
      assertSpans(spans(lane("io"), Segment.Kind.BLOCKED), 12_500_000, 13_500_000);
      Segment io = lane("io").segments(Segment.Kind.BLOCKED).get(0);
      assertEquals("io", io.cause());
      assertEquals(
          "io blocked in I/O 1.000 ms with the GIL released (12.500 ms → 13.500 ms)",
          io.description());
    }

    @Test
    void cpuWorkIsSplitByWhetherItHeldTheGil() {
      assertSpans(spans(lane("A"), Segment.Kind.HOLDING_CPU), 10_000_200, 11_200_200);
      assertSpans(spans(lane("B"), Segment.Kind.RUNNING_WITHOUT_GIL), 12_500_000, 14_500_000);
      assertEquals(
          "hashlib.sha256", lane("B").segments(Segment.Kind.RUNNING_WITHOUT_GIL).get(0).cause());
    }

    @Test
    void aHoldSaysHowLongWhenAndWhyItEnded() {
      Segment first = lane("A").segments(Segment.Kind.HOLDING).get(0);
      assertEquals(
          "A holding the GIL 5.0001 ms (take at 0.000 ms → drop at 5.0001 ms, dropped on"
              + " request)",
          first.description());
      assertEquals("drop request", first.cause());
    }

    @Test
    void segmentsAreSortedByStart() {
      for (Lane lane : MODEL.lanes()) {
        List<Long> starts = lane.segments().stream().map(Segment::start).toList();
        assertEquals(starts.stream().sorted().toList(), starts, lane.name());
      }
    }

    @Test
    void aDropRequestSitsOnTheAskingThreadAndPointsAtTheHolder() {
      List<Marker> requests = lane("B").markers(Marker.Kind.DROP_REQUEST);
      assertEquals(1, requests.size());
      Marker m = requests.get(0);
      assertEquals(5_000_000, m.time());
      assertEquals(OptionalLong.of(1), m.target());
      assertEquals(
          "drop request at 5.000 ms: B had waited 5.000 ms for the GIL and asked A to drop it;"
              + " A had held it since 0.000 ms and dropped it at 5.0001 ms",
          m.description());
    }

    @Test
    void aForcedSwitchSitsOnTheDropperAndNamesTheTaker() {
      Marker m = lane("A").markers(Marker.Kind.FORCED_SWITCH).get(0);
      assertEquals(5_000_100, m.time());
      assertEquals(OptionalLong.of(2), m.target());
      assertTrue(m.description().contains("waited until B took it"), m.description());
    }

    @Test
    void threadStartsAndExitsAreMarked() {
      assertEquals(11_000_000, lane("io").markers(Marker.Kind.THREAD_START).get(0).time());
      assertEquals(13_600_000, lane("io").markers(Marker.Kind.THREAD_EXIT).get(0).time());
      assertEquals(11_000_000, lane("io").start());
      assertEquals(13_600_000, lane("io").end());
    }

    @Test
    void aTakeWithoutADropEndsAtTheLastEventOfTheTrace() {
      List<Segment> holds = lane("B").segments(Segment.Kind.HOLDING);
      Segment last = holds.get(holds.size() - 1);
      assertEquals(14_500_000, last.start());
      assertEquals(15_000_000, last.end());
      assertTrue(last.description().contains("still held when the trace ends"), last.description());
    }

    @Test
    void statsAddUpEachLanesOwnBars() {
      ThreadSummary a = MODEL.stats().threads().get(0);
      assertEquals(new ThreadSummary(1, "A", 6_999_900, 5_000_100, 0, 0, 2, 5_000_100, 1, 1), a);
      assertEquals(3, MODEL.stats().threads().size());
    }

    @Test
    void aHoldStillOpenAtTheEndCountsUpToTheEnd() {
      // The threads array says 5_500_100: the runtime never counted B's last hold, 14.5 → 15 ms.
      assertEquals(6_000_100, MODEL.threadSummary(2).orElseThrow().heldNs());
    }

    @Test
    void theSpanCoversEveryEvent() {
      assertEquals(0, MODEL.startNs());
      assertEquals(15_000_000, MODEL.endNs());
      assertEquals(15_000_000, MODEL.stats().spanNs());
    }

    @Test
    void theHeaderIsSummarisedInOneLine() {
      assertEquals(
          "virtual clock · switch interval 5.000 ms · 6 GIL switches · 3 threads", MODEL.summary());
      assertFalse(MODEL.isTruncated());
    }
  }

  @Nested
  class ATraceWithoutAThreadsArray {
    private final TraceModel model =
        TraceModel.parse(
            """
            {"events":[
              {"t":100,"threadId":7,"thread":"solo","kind":"take_request"},
              {"t":400,"threadId":7,"thread":"solo","kind":"take"},
              {"t":2000,"threadId":7,"thread":"solo","kind":"drop_request"},
              {"t":2500,"threadId":8,"thread":"late","kind":"take_request"}]}
            """);

    @Test
    void anUnmatchedTakeHoldsUntilTheLastEvent() {
      Lane solo = model.lanes().get(0);
      assertSpans(spans(solo, Segment.Kind.HOLDING), 400, 2_500);
      assertSpans(spans(solo, Segment.Kind.WAITING), 100, 400);
    }

    @Test
    void anUnmatchedTakeRequestWaitsUntilTheLastEvent() {
      Segment wait = model.lanes().get(1).segments(Segment.Kind.WAITING).get(0);
      assertEquals(2_500, wait.start());
      assertEquals(2_500, wait.end());
      assertTrue(wait.description().contains("still waiting"), wait.description());
    }

    @Test
    void statsAreDerivedFromTheSegments() {
      ThreadSummary solo = model.stats().threads().get(0);
      assertEquals(2_100, solo.heldNs());
      assertEquals(300, solo.waitedNs());
      assertEquals(1, solo.acquisitions());
      assertEquals(1, solo.dropRequestsCaused());
    }
  }

  @Nested
  class EdgeCases {

    @Test
    void aTraceWithNoEventsHasNoLanesAndAnEmptySpan() {
      TraceModel empty = TraceModel.parse("{\"format\":\"gilbook-trace/1\",\"events\":[]}");
      assertTrue(empty.isEmpty());
      assertEquals(List.of(), empty.lanes());
      assertEquals(0, empty.stats().spanNs());
    }

    @Test
    void aTruncatedTraceSaysHowManyEventsWereDropped() {
      TraceModel cut =
          TraceModel.parse(
              "{\"droppedEvents\":1234,\"events\":[{\"t\":0,\"threadId\":1,\"thread\":\"A\","
                  + "\"kind\":\"take\"}]}");
      assertTrue(cut.isTruncated());
      assertEquals(1234, cut.droppedEvents());
    }

    @Test
    void badJsonIsRejectedWithWhereItWentWrong() {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> TraceModel.parse("{\"events\": [}"));
      assertTrue(e.getMessage().startsWith("the trace is not valid JSON: "), e.getMessage());
      assertTrue(e.getMessage().contains("line 1, column"), e.getMessage());
    }

    @Test
    void jsonThatIsNotATraceIsRejected() {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> TraceModel.parse("[1,2]"));
      assertTrue(e.getMessage().contains("\"events\" array"), e.getMessage());
      e = assertThrows(IllegalArgumentException.class, () -> TraceModel.parse("{\"threads\":[]}"));
      assertTrue(e.getMessage().contains("no \"events\" array"), e.getMessage());
    }

    @Test
    void anEventWithoutATimeIsRejectedByNumber() {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  TraceModel.parse(
                      "{\"events\":[{\"t\":0,\"threadId\":1,\"kind\":\"take\"},"
                          + "{\"threadId\":1,\"kind\":\"drop\"}]}"));
      assertTrue(e.getMessage().startsWith("event #1 has no \"t\""), e.getMessage());
    }

    @Test
    void readingAFileNamesTheFileInTheError(@TempDir Path dir) throws IOException {
      Path file = dir.resolve("t.json");
      Files.writeString(file, "not json");
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> TraceModel.read(file));
      assertTrue(e.getMessage().startsWith(file + ": the trace is not valid JSON"), e.getMessage());
      assertThrows(UncheckedIOException.class, () -> TraceModel.read(dir.resolve("missing.json")));
    }

    @Test
    void aRealRunReadsBackWithEveryThreadsLane() {
      TraceModel real = TraceModel.parse(TraceFixtures.realRun());
      assertEquals(List.of("cpu-1", "cpu-2", "io"), real.lanes().stream().map(Lane::name).toList());
      assertEquals(5, real.lane("io").orElseThrow().segments(Segment.Kind.BLOCKED).size());
      for (Lane lane : real.lanes()) {
        for (Marker m : lane.markers(Marker.Kind.DROP_REQUEST)) {
          assertTrue(m.target().isPresent(), m.description());
        }
      }
    }
  }
}

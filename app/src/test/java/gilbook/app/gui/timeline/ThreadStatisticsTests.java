package gilbook.app.gui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The thread statistics add up the lanes' own bars, so a lane, the share written beside it and the
 * table agree, even when a run stops while a thread still holds the GIL.
 */
class ThreadStatisticsTests {

  private static long total(Lane lane, Segment.Kind kind) {
    return lane.segments(kind).stream().mapToLong(Segment::length).sum();
  }

  @Nested
  class ChapterEightsDeadlock {
    private final TraceModel model =
        TraceModel.parse(TraceFixtures.MAIN_HOLDS_THE_GIL_AT_A_DEADLOCK);
    private final Lane main = model.lane("Main").orElseThrow();
    private final ThreadSummary mainStats = model.threadSummary(main.threadId()).orElseThrow();

    @Test
    void mainsLaneHoldsTheGilFromItsSecondTakeToTheEndOfTheTrace() {
      Segment last = main.segments(Segment.Kind.HOLDING).get(1);
      assertEquals(0, last.start());
      assertEquals(30_314_717, last.end());
      assertEquals(30_314_717, model.endNs());
    }

    @Test
    void theTableCountsMainsOpenHoldUpToTheEndOfTheTrace() {
      assertEquals(30_314_717, mainStats.heldNs());
      assertEquals(30_314_717, mainStats.longestHoldNs());
      assertEquals(2, mainStats.acquisitions());
    }

    @Test
    void theLabelSaysTheShareOfTheSameHeldTimeAsTheTable() {
      assertEquals(1.0, model.heldShare(main.threadId()));
      assertEquals(
          "100% held · 2 takes",
          TimelinePainter.shareLine(mainStats, model.heldShare(main.threadId())));
    }

    @Test
    void aWaitStillOpenAtTheEndCountsUpToTheEndOfTheTrace() {
      assertEquals(30_314_717, model.threadSummary(2).orElseThrow().waitedNs());
    }

    @Test
    void everyThreadsTotalsAreTheSumsOfItsLanesBars() {
      for (Lane lane : model.lanes()) {
        ThreadSummary s = model.threadSummary(lane.threadId()).orElseThrow();
        assertEquals(total(lane, Segment.Kind.HOLDING), s.heldNs(), lane.name());
        assertEquals(total(lane, Segment.Kind.WAITING), s.waitedNs(), lane.name());
        assertEquals(total(lane, Segment.Kind.BLOCKED), s.blockedNs(), lane.name());
        assertEquals(
            lane.markers(Marker.Kind.DROP_REQUEST).size(), s.dropRequestsCaused(), lane.name());
      }
    }
  }

  @Nested
  class ATruncatedTrace {

    @Test
    void takesItsStatisticsFromTheRuntimesCountsWhichCoverTheWholeRun() {
      TraceModel cut =
          TraceModel.parse(
              """
              {"droppedEvents":900,
               "threads":[{"id":1,"name":"A","heldNs":9000000,"acquisitions":40}],
               "events":[
                {"t":0,"threadId":1,"thread":"A","kind":"take"},
                {"t":1000,"threadId":1,"thread":"A","kind":"drop"}]}
              """);
      ThreadSummary a = cut.threadSummary(1).orElseThrow();
      assertEquals(9_000_000, a.heldNs());
      assertEquals(40, a.acquisitions());
    }
  }
}

package gilbook.app.gui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** How the lanes share the canvas's height: full lanes, then compact ones, then scrolling. */
class TimelineLayoutTests {

  private static TimelineLayout layout(double height, int lanes, double scrollY) {
    return TimelineLayout.of(1000, height, 150, lanes, scrollY, 0, 1_000_000);
  }

  @Test
  void lanesAreFullHeightWhenThereIsRoom() {
    TimelineLayout at = layout(400, 3, 0);
    assertEquals(TimelineLayout.LANE_HEIGHT, at.laneHeight());
    assertEquals(18, at.barHeight());
    assertTrue(at.twoLineLabels());
    assertEquals(0, at.maxScrollY());
  }

  @Test
  void lanesShrinkToShareAShortCanvasAndEachStillFits() {
    TimelineLayout at = layout(140, 3, 0);
    assertTrue(at.laneHeight() < TimelineLayout.LANE_HEIGHT, "lane height " + at.laneHeight());
    assertEquals(0, at.maxScrollY());
    for (int i = 0; i < 3; i++) {
      assertTrue(at.isWhollyVisible(i), "lane " + i);
    }
  }

  @Test
  void compactLanesPutTheNameAndTheShareOnOneLineBesideAThinnerBar() {
    TimelineLayout at = layout(100, 6, 0);
    assertEquals(TimelineLayout.COMPACT_LANE_HEIGHT, at.laneHeight());
    assertEquals(14, at.barHeight());
    assertFalse(at.twoLineLabels());
  }

  @Test
  void whenEvenCompactLanesDoNotFitTheLastOneIsReachedByScrolling() {
    TimelineLayout top = layout(100, 6, 0);
    assertTrue(top.maxScrollY() > 0);
    assertFalse(top.isWhollyVisible(5));
    TimelineLayout bottom = layout(100, 6, top.maxScrollY());
    assertTrue(bottom.isWhollyVisible(5));
    assertEquals(5, bottom.laneAt(bottom.laneCenter(5)));
  }
}

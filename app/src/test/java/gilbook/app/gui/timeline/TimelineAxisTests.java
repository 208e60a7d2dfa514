package gilbook.app.gui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The time axis's ticks, the zoom window, and how times are written. */
class TimelineAxisTests {

  private static List<String> labels(double start, double end, double width) {
    return TimeAxis.ticks(start, end, width, 96).stream().map(TimeAxis.Tick::label).toList();
  }

  @Nested
  class Ticks {

    @Test
    void sixtyMillisecondsOnAThousandPixelsTickEveryTen() {
      assertEquals(
          List.of("0", "10 ms", "20 ms", "30 ms", "40 ms", "50 ms", "60 ms"),
          labels(0, 60e6, 1000));
    }

    @Test
    void zoomedInTicksKeepTheUnitOfTheTimesShown() {
      assertEquals(List.of("10.00 ms", "10.05 ms", "10.10 ms"), labels(10e6, 10.1e6, 200));
    }

    @Test
    void shortRunsTickInMicrosecondsAndLongOnesInSeconds() {
      assertEquals(List.of("0", "200 µs", "400 µs", "600 µs", "800 µs"), labels(0, 800e3, 400));
      assertEquals(List.of("0", "0.5 s", "1.0 s", "1.5 s"), labels(0, 1.5e9, 300));
    }

    @Test
    void stepsAreOneTwoOrFiveTimesAPowerOfTen() {
      assertEquals(1, TimeAxis.step(10, 1000, 96));
      assertEquals(2_000_000, TimeAxis.step(15e6, 1000, 96));
      assertEquals(5_000_000, TimeAxis.step(40e6, 1000, 96));
    }
  }

  @Nested
  class Window {

    @Test
    void zoomKeepsTheAnchorInPlaceAndStaysInsideTheTrace() {
      TimeWindow w = new TimeWindow();
      w.reset(0, 1_000);
      w.zoom(4, 500);
      assertEquals(250, w.span(), 1e-9);
      assertEquals(375, w.start(), 1e-9);
      w.pan(10_000);
      assertEquals(1_000, w.end(), 1e-9);
      w.zoom(0.01);
      assertEquals(0, w.start(), 1e-9);
      assertEquals(1_000, w.span(), 1e-9);
    }

    @Test
    void itNeverGetsNarrowerThanFiftyNanoseconds() {
      TimeWindow w = new TimeWindow();
      w.reset(0, 1_000_000);
      for (int i = 0; i < 100; i++) {
        w.zoom(10);
      }
      assertEquals(TimeWindow.MIN_SPAN_NS, w.span(), 1e-9);
    }
  }

  @Nested
  class Formats {

    @Test
    void exactMillisecondsShowEveryNanosecondThatMatters() {
      assertEquals("10.000 ms", TimeFormat.ms(10_000_000));
      assertEquals("5.0001 ms", TimeFormat.ms(5_000_100));
      assertEquals("0.000001 ms", TimeFormat.ms(1));
    }

    @Test
    void durationsPickAReadableUnit() {
      assertEquals("400 ns", TimeFormat.duration(400));
      assertEquals("12.5 µs", TimeFormat.duration(12_500));
      assertEquals("1.000 ms", TimeFormat.duration(1_000_000));
    }

    @Test
    void compactLabelsKeepThreeDigits() {
      assertEquals("5.00 ms", TimeFormat.compact(5_000_100));
      assertEquals("14.0 ms", TimeFormat.compact(14_000_000));
      assertEquals("1.48 s", TimeFormat.compact(1_480_000_000));
      assertEquals("30.000", TimeFormat.ms3(30_000_000));
    }
  }
}

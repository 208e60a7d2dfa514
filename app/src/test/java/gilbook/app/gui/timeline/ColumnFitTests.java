package gilbook.app.gui.timeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Sharing the thread table's width among its columns. */
class ColumnFitTests {

  @Test
  void roomToSpareIsSharedSoTheColumnsEndExactlyAtTheEdge() {
    double[] natural = {100, 50, 50};
    double[] widths = ColumnFit.widths(natural, 401);
    assertEquals(401, Arrays.stream(widths).sum());
    for (int i = 0; i < widths.length; i++) {
      assertTrue(widths[i] >= natural[i], "column " + i + ": " + Arrays.toString(widths));
    }
    assertEquals(100, widths[1]);
  }

  @Test
  void whenTheNaturalWidthsDoNotFitEachKeepsItsOwnAndTheTableScrolls() {
    double[] natural = {100, 50, 50};
    assertArrayEquals(natural, ColumnFit.widths(natural, 150));
  }
}

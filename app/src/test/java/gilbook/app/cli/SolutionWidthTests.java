package gilbook.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * {@code gilbook solution} fits the terminal that COLUMNS describes; a COLUMNS it cannot use is
 * noted and replaced, never fatal, since the learner did not type it.
 */
class SolutionWidthTests {
  private final StringWriter err = new StringWriter();

  private int width(String columns) {
    return SolutionCommand.terminalWidth(columns, new PrintWriter(err, true));
  }

  @Test
  void columnsIsTheWidth() {
    assertEquals(132, width("132"));
    assertEquals("", err.toString());
  }

  @Test
  void withoutColumnsTheWidthIs100() {
    assertEquals(100, width(null));
    assertEquals(100, width(""));
    assertEquals("", err.toString());
  }

  @Test
  void columnsThatIsNotANumberIsNamedAndReplaced() {
    assertEquals(100, width("wide"));
    assertTrue(err.toString().contains("COLUMNS=wide is not a number"), err::toString);
    assertTrue(err.toString().contains("--width N"), err::toString);
  }

  @Test
  void aTerminalTooNarrowGetsTheNarrowestReadableWidthAndAHint() {
    assertEquals(40, width("20"));
    assertTrue(err.toString().contains("--unified"), err::toString);
  }
}

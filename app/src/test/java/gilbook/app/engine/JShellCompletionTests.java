package gilbook.app.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Tab in the JShell input does what it does in the terminal jshell. */
class JShellCompletionTests {

  @Test
  void oneCandidateReplacesTheWordAtTheCaret() {
    JShellCompletion c = JShellCompletion.of("var n = PyLo", 12, 8, List.of("PyLong"));
    assertEquals(new JShellCompletion("var n = PyLong", 14, List.of()), c);
  }

  @Test
  void textAfterTheCaretIsKept() {
    JShellCompletion c = JShellCompletion.of("f(PyLo, 1)", 6, 2, List.of("PyLong"));
    assertEquals(new JShellCompletion("f(PyLong, 1)", 8, List.of()), c);
  }

  @Test
  void severalCandidatesExtendTheWordToTheirCommonPrefixAndAreListed() {
    JShellCompletion c = JShellCompletion.of("coun", 4, 0, List.of("counterA", "counterB"));
    assertEquals(new JShellCompletion("counter", 7, List.of("counterA", "counterB")), c);
  }

  @Test
  void severalCandidatesWithNothingMoreInCommonAreOnlyListed() {
    JShellCompletion c = JShellCompletion.of("PyL", 3, 0, List.of("PyList", "PyLong"));
    assertEquals(new JShellCompletion("PyL", 3, List.of("PyList", "PyLong")), c);
  }

  @Test
  void overloadsAreListedOnce() {
    JShellCompletion c =
        JShellCompletion.of("out.pr", 6, 4, List.of("print(", "print(", "println(", "printf("));
    assertEquals(new JShellCompletion("out.print", 9, List.of("print(", "println(", "printf(")), c);
  }

  @Test
  void noCandidateLeavesTheInputAsItWas() {
    assertEquals(
        new JShellCompletion("zzz", 3, List.of()), JShellCompletion.of("zzz", 3, 0, List.of()));
  }
}

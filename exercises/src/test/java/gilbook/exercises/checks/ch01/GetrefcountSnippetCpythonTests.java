package gilbook.exercises.checks.ch01;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gilbook.exercises.grading.Inputs;
import gilbook.runtime.Clock;
import gilbook.runtime.Interpreter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "Predict getrefcount" grades against the simulation's re-enactment of each snippet; this test
 * holds that re-enactment to real CPython. Each snippet runs as its own python3 program, with the
 * list {@code a} filled with ints drawn from a seed (all outside the small-int cache, so no count
 * leans on a shared start-up object), and what its last line gives must equal what the simulation
 * returns on its own draw from that seed. The learner's file must show the same snippets.
 *
 * <p>python3 comes with the machine ({@code scripts/install-test-deps} installs it). The counts are
 * CPython 3.11's; they hold up to 3.13, and 3.14's {@code LOAD_FAST_BORROW} lowers a count taken
 * inside a function, so another version is skipped with a message rather than judged.
 */
class GetrefcountSnippetCpythonTests {
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

  @BeforeAll
  static void python311() throws Exception {
    String version = python("import sys; print('%d.%d' % sys.version_info[:2])").strip();
    Assumptions.assumeTrue(
        List.of("3.11", "3.12", "3.13").contains(version),
        "python3 is " + version + "; the snippets' counts are those of CPython 3.11 to 3.13");
  }

  @Test
  void everySnippetCountsAsCpythonDoesOnDrawnLists() throws Exception {
    for (long seed = 0; seed < 3; seed++) {
      for (GetrefcountSnippet s : GetrefcountSnippet.ALL) {
        long[] values = Inputs.distinctInts(new SplittableRandom(seed), 1 + (int) seed, 1_000_000);
        String list =
            LongStream.of(values).mapToObj(Long::toString).collect(Collectors.joining(", "));
        List<String> lines = new ArrayList<>();
        lines.add("import sys");
        for (String line : s.lines()) {
          lines.add(line.replace("[1000, 2000]", "[" + list + "]"));
        }
        String last = lines.remove(lines.size() - 1);
        lines.add("print(" + last + ")");
        String program = String.join("\n", lines) + "\n";
        long cpython = Long.parseLong(python(program).strip());
        long simulated = simulate(s, seed);
        assertEquals(
            cpython, simulated, "snippet " + s.number() + ", seed " + seed + ":\n" + program);
      }
    }
  }

  @Test
  void theStubAndTheSolutionShowEverySnippet() throws IOException {
    for (String file :
        List.of(
            "exercises/src/main/resources/stubs/01-why-the-gil/predict_getrefcount.jsh.stub",
            "exercises/01-why-the-gil/predict_getrefcount.jsh")) {
      String text = Files.readString(ROOT.resolve(file));
      for (GetrefcountSnippet s : GetrefcountSnippet.ALL) {
        String shown = String.join("\n//       ", s.lines());
        assertTrue(
            text.contains("//   " + s.number() + ")  " + shown),
            () -> file + " does not show snippet " + s.number() + " as " + s.lines());
      }
    }
    String solution =
        Files.readString(ROOT.resolve("solutions/01-why-the-gil/predict_getrefcount.jsh"));
    assertTrue(solution.contains(GetrefcountSnippet.ALL.size() + ") "), solution);
  }

  private static long simulate(GetrefcountSnippet s, long seed) {
    long[] printed = new long[1];
    try (Interpreter interp =
        Interpreter.builder().clock(Clock.virtual(seed)).stderr(QUIET).build()) {
      interp.run(() -> printed[0] = s.simulate().applyAsLong(new SplittableRandom(seed)));
    }
    return printed[0];
  }

  private static String python(String program) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("python3", "-c", program).redirectErrorStream(true).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "python3 did not finish");
    assertEquals(0, p.exitValue(), () -> "python3 failed:\n" + out + "\n" + program);
    return out;
  }
}

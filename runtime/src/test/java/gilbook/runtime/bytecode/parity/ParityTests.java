package gilbook.runtime.bytecode.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@code # parity:} line of {@code bytecode/parity/*.py}: the listing python3 makes of the
 * file, run by the VM, against the same function run by python3 itself. Skipped when python3 is not
 * a 3.11. Deterministic: the VM runs on a virtual clock with the case's seeds, and each case's
 * {@code compare} mode asserts only what holds under any CPython schedule.
 */
class ParityTests {

  /** The case files, in name order. */
  static List<Path> caseFiles() {
    try {
      Path dir = Path.of(ParityTests.class.getResource("/bytecode/parity").toURI());
      try (Stream<Path> files = Files.list(dir)) {
        return files.filter(f -> f.toString().endsWith(".py")).sorted().toList();
      }
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Skips the calling test unless python3 here is a 3.11, which the VM models. */
  static void assumePython311() {
    String v = CPythonSide.version();
    assumeTrue(
        v.startsWith("3.11."),
        "parity needs python3 3.11 (the VM models 3.11's listings and check points); here: " + v);
  }

  @TestFactory
  Stream<DynamicTest> everyCaseMatchesCPython() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : caseFiles()) {
      List<ParityCase> cases = ParityCase.read(file);
      if (cases.isEmpty()) {
        fail(file.getFileName() + " has no '" + ParityCase.PREFIX + "' line");
      }
      for (ParityCase c : cases) {
        tests.add(DynamicTest.dynamicTest(c.displayName(), file.toUri(), () -> check(c)));
      }
    }
    return tests.stream();
  }

  private static void check(ParityCase c) {
    assumePython311();
    assumeTrue(
        !c.module() || ParityHarness.VM_RUNS_MODULES,
        "module=true: DisRun cannot run a listing's module code yet; this case runs once it can");
    CPythonSide.Run py = CPythonSide.run(c);
    List<String> problems = new ArrayList<>();
    for (long seed = c.firstSeed(); seed <= c.lastSeed(); seed++) {
      Outcome vm = ParityHarness.vm(c, py.listing(), seed);
      problems.addAll(ParityHarness.mismatches(c, py, vm, seed, CPythonSide::eval));
    }
    assertEquals(
        List.of(),
        problems,
        () -> c.displayName() + ": the VM and CPython " + py.version() + " disagree");
  }
}

package gilbook.app;

import static gilbook.app.TempWorkbook.REFCOUNT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A path given to a command that is not there is a usage error (exit code 2) whose message names
 * the path, in every command that takes one, and no worker starts for it. ({@code dis} has its own
 * cases in {@link DisCommandTests}; a missing learner file under {@code check} is a graded verdict,
 * in {@link MisbehavingCodeTests}.)
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FileArgumentTests {
  @RegisterExtension static final TempWorkbookExtension workbook = new TempWorkbookExtension();

  private static void assertUsageError(TempWorkbook.Run r, String... needles) {
    assertEquals(2, r.exit(), r::toString);
    for (String needle : needles) {
      assertTrue(r.err().contains(needle), () -> "expected '" + needle + "' in:\n" + r);
    }
  }

  @Test
  void checkFileThatIsMissingNamesThePathAndDoesNotAdviseReset() {
    Path missing = workbook.scratch("missing.jsh");
    TempWorkbook.Run r = workbook.run("check", REFCOUNT, "--file", missing.toString());
    assertUsageError(r, "no file at " + missing, "--file");
    assertFalse(r.err().contains("reset"), "reset cannot restore a file it did not ship");
    assertEquals("", r.out(), r::toString);
  }

  @Test
  void runOfAMissingPathNamesIt() {
    Path missing = workbook.scratch("missing.jsh");
    assertUsageError(workbook.run("run", missing.toString()), "no file at " + missing);
  }

  @Test
  void aRelativePathIsShownWithWhereItWasLookedFor() {
    TempWorkbook.Run r = workbook.run("run", "no-such-dir/missing.jsh");
    assertUsageError(r, "no file at no-such-dir/missing.jsh (" + Path.of("").toAbsolutePath());
  }

  @Test
  void runOfAFolderSaysItIsAFolder() {
    Path folder = workbook.root().resolve("exercises");
    assertUsageError(workbook.run("run", folder.toString()), folder + " is a folder, not a file");
  }

  @Test
  void runOfAnExerciseWhoseFileWasDeletedSaysResetRestoresIt() throws IOException {
    Files.delete(workbook.learnerFile());
    assertUsageError(
        workbook.run("run", REFCOUNT), TempWorkbook.REFCOUNT_PATH, "'./gilbook reset " + REFCOUNT);
    assertUsageError(
        workbook.run("run", workbook.learnerFile().toString()), "'./gilbook reset " + REFCOUNT);
  }

  @Test
  void aTraceIntoAFolderThatDoesNotExistIsRefusedBeforeTheRun() {
    Path trace = workbook.scratch("no-such-folder").resolve("trace.json");
    TempWorkbook.Run r = workbook.run("run", REFCOUNT, "--trace", trace.toString());
    assertUsageError(r, "--trace", "there is no folder " + trace.getParent());
    assertEquals("", r.out(), "nothing ran");
  }

  @Test
  void aBinaryFileIsRefusedByRunAndCheckFileBeforeAnyWorkerStarts() throws IOException {
    Path binary = workbook.scratch("picture.jsh");
    Files.write(binary, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xff});
    assertUsageError(
        workbook.run("run", binary.toString()), binary + " is not text, so it is not Java source");
    TempWorkbook.Run check = workbook.run("check", REFCOUNT, "--file", binary.toString());
    assertUsageError(check, binary + " is not text", "Check the path you gave --file.");
  }

  @Test
  void anEmptyFileGradedWithCheckFileIsNotSentToReset() throws IOException {
    Path empty = workbook.scratch("empty.jsh");
    Files.writeString(empty, "");
    TempWorkbook.Run r = workbook.run("check", REFCOUNT, "--file", empty.toString());
    assertEquals(1, r.exit(), r::toString);
    assertTrue(
        r.out().contains("the file is empty. Check the file you asked to grade."), r::toString);
    assertFalse(r.out().contains("reset"), r::toString);
  }

  @Test
  void runOfAnEmptyFileSaysResetOnlyForAnExercisesOwnFile() throws IOException {
    Path empty = workbook.scratch("empty.jsh");
    Files.writeString(empty, "");
    TempWorkbook.Run other = workbook.run("run", empty.toString());
    assertEquals(1, other.exit(), other::toString);
    assertTrue(other.out().contains("the file is empty. Check the path."), other::toString);
    assertFalse(other.out().contains("reset"), other::toString);
    Files.writeString(workbook.learnerFile(), "");
    TempWorkbook.Run own = workbook.run("run", REFCOUNT);
    assertTrue(own.out().contains("Run './gilbook reset " + REFCOUNT + "'"), own::toString);
  }
}

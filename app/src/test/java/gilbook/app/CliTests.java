package gilbook.app;

import static gilbook.app.TempWorkbook.REFCOUNT;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import gilbook.app.cli.Context;
import gilbook.app.cli.GilbookCommand;
import gilbook.exercises.manifest.Exercise;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine.Help.Ansi;

/** The CLI, run in-process against a temporary copy of the workbook. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CliTests {
  private static final String PREDICT = "predict-getrefcount";

  @RegisterExtension static final TempWorkbookExtension workbook = new TempWorkbookExtension();

  private static TempWorkbook.Run run(String... args) {
    return workbook.run(args);
  }

  private static void assertContains(String haystack, String needle) {
    assertTrue(haystack.contains(needle), () -> "expected '" + needle + "' in:\n" + haystack);
  }

  private static void assertExit(int expected, TempWorkbook.Run run) {
    assertEquals(expected, run.exit(), run::toString);
  }

  /** The status {@code list --json} gives an exercise. */
  private static String status(String id) {
    TempWorkbook.Run list = run("list", "--json");
    assertExit(0, list);
    for (JsonNode row : list.json()) {
      if (row.path("id").asText().equals(id)) {
        return row.path("status").asText();
      }
    }
    throw new AssertionError("no " + id + " in list --json:\n" + list);
  }

  @Nested
  class Listing {

    @Test
    void listJsonDescribesEveryExerciseInOrder() {
      TempWorkbook.Run list = run("list", "--json");
      assertExit(0, list);
      JsonNode rows = list.json();
      assertTrue(rows.isArray(), list::toString);
      List<String> ids = new ArrayList<>();
      for (JsonNode row : rows) {
        for (String field : List.of("id", "chapter", "title", "path", "status")) {
          assertTrue(row.path(field).isTextual(), () -> field + " missing in " + row);
          assertFalse(row.path(field).asText().isBlank(), () -> field + " empty in " + row);
        }
        assertTrue(Set.of("pending", "done").contains(row.path("status").asText()), row::toString);
        assertTrue(Files.isRegularFile(workbook.resolve(row.path("path").asText())), row::toString);
        ids.add(row.path("id").asText());
      }
      assertEquals(TempWorkbook.EXERCISES.stream().map(Exercise::id).toList(), ids);
      assertEquals(TempWorkbook.FIRST.path(), rows.get(0).path("path").asText());
      assertEquals("01", rows.get(0).path("chapter").asText());
      assertEquals("pending", rows.get(0).path("status").asText());
    }

    @Test
    void listAsTextStartsEveryTitleInOneColumnWhateverTheIdsLength() {
      TempWorkbook.Run list = run("list");
      assertExit(0, list);
      Set<Integer> titleColumns = new java.util.TreeSet<>();
      for (JsonNode row : run("list", "--json").json()) {
        String id = row.path("id").asText();
        String line =
            list.out()
                .lines()
                .filter(l -> l.contains(" " + id + " "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + id + " in:\n" + list));
        titleColumns.add(line.indexOf(row.path("title").asText(), line.indexOf(id) + id.length()));
      }
      assertEquals(1, titleColumns.size(), () -> "titles start at " + titleColumns + ":\n" + list);
    }

    @Test
    void listAsTextMarksTheCurrentExercise() {
      TempWorkbook.Run list = run("list");
      assertExit(0, list);
      Exercise first = TempWorkbook.FIRST;
      assertTrue(
          list.out().lines().anyMatch(l -> l.contains(first.path()) && l.contains("← current")),
          list::toString);
      assertContains(list.out(), "Next: ./gilbook check " + first.id());
    }
  }

  @Nested
  class Checking {

    @Test
    void theSolutionPassesEveryCheck() {
      TempWorkbook.Run check = run("check", REFCOUNT, "--solutions", "--json");
      assertExit(0, check);
      JsonNode outcome = check.json().get(0);
      assertTrue(outcome.path("passed").asBoolean(), check::toString);
      assertEquals(4, outcome.path("checks").size(), check::toString);
      outcome.path("checks").forEach(c -> assertTrue(c.path("passed").asBoolean(), c::toString));
      assertTrue(outcome.path("error").isNull(), check::toString);
      // Grading the solution says nothing about the learner's own work.
      assertEquals("pending", status(REFCOUNT));
    }

    @Test
    void theStubFailsWithExpectedGotAndTryInEveryFailedCheck() {
      TempWorkbook.Run check = run("check", REFCOUNT, "--json");
      assertExit(1, check);
      JsonNode outcome = check.json().get(0);
      assertFalse(outcome.path("passed").asBoolean(true), check::toString);
      assertEquals(4, outcome.path("checks").size(), check::toString);
      int failed = 0;
      for (JsonNode c : outcome.path("checks")) {
        if (!c.path("passed").asBoolean()) {
          failed++;
          String message = c.path("message").asText();
          assertContains(message, "Expected:");
          assertContains(message, "Got:");
          assertContains(message, "Try:");
        }
      }
      assertTrue(failed > 0, check::toString);
    }

    @Test
    void theStubAsTextShowsEachCheckAndWhereToGetHelp() {
      TempWorkbook.Run check = run("check", REFCOUNT);
      assertExit(1, check);
      assertContains(check.out(), "✗ " + REFCOUNT);
      assertContains(check.out(), "Expected:");
      assertContains(check.out(), "of 4 checks passed");
      assertContains(check.out(), "Stuck? ./gilbook hint " + REFCOUNT);
    }

    @Test
    void aPassingLearnerFileIsDoneUntilItBreaksAgain() throws IOException {
      Files.writeString(workbook.learnerFile(), TempWorkbook.solution());
      TempWorkbook.Run pass = run("check", REFCOUNT, "--json");
      assertExit(0, pass);
      assertEquals("done", status(REFCOUNT));
      assertEquals("pending", status(PREDICT));
      TempWorkbook.Run progress = run("progress", "--json");
      assertExit(0, progress);
      JsonNode report = progress.json();
      assertEquals(1, report.path("done").asInt(), progress::toString);
      assertTrue(report.path("total").asInt() >= 2, progress::toString);
      JsonNode chapter = report.path("chapters").get(0);
      assertEquals(1, chapter.path("done").asInt(), progress::toString);
      List<String> done = new ArrayList<>();
      chapter
          .path("exercises")
          .forEach(
              e -> {
                if (e.path("status").asText().equals("done")) {
                  done.add(e.path("id").asText());
                }
              });
      assertEquals(List.of(REFCOUNT), done, progress::toString);

      Files.writeString(workbook.learnerFile(), "void listAppend(PyList list, PyObject item) {\n");
      TempWorkbook.Run fail = run("check", REFCOUNT, "--json");
      assertExit(1, fail);
      assertEquals("pending", status(REFCOUNT));
      assertEquals(0, run("progress", "--json").json().path("done").asInt());
    }

    @Test
    void aFailedCheckShowsItsSeedAndThatSeedRepeatsTheRunExactly() {
      TempWorkbook.Run text = run("check", REFCOUNT, "--seed", "424242");
      assertExit(1, text);
      assertContains(text.out(), "inputs from seed 424242");
      assertContains(text.out(), "./gilbook check " + REFCOUNT + " --seed 424242");
      TempWorkbook.Run first = run("check", REFCOUNT, "--seed", "424242", "--json");
      TempWorkbook.Run again = run("check", REFCOUNT, "--seed", "424242", "--json");
      assertEquals(424242, first.json().get(0).path("seed").asLong(), first::toString);
      assertEquals(
          first.json().get(0).path("checks"), again.json().get(0).path("checks"), again::toString);
    }

    @Test
    void withoutASeedEveryCheckDrawsAFreshOne() {
      Set<Long> seeds = new java.util.HashSet<>();
      for (int i = 0; i < 3; i++) {
        TempWorkbook.Run check = run("check", REFCOUNT, "--json");
        assertExit(1, check);
        seeds.add(check.json().get(0).path("seed").asLong());
      }
      assertEquals(3, seeds.size(), () -> "three checks drew the seeds " + seeds);
    }

    @Test
    void aCompileErrorIsShownWithItsSymbolItsLineAndACaret() throws IOException {
      Path file = workbook.scratch("typo.jsh");
      Files.writeString(file, "int a = 1;\n  var p = Paths.get(\"x\");\n");
      TempWorkbook.Run check = run("check", REFCOUNT, "--file", file.toString());
      assertExit(1, check);
      assertContains(check.out(), "typo.jsh:2:11: cannot find symbol: variable Paths\n");
      assertContains(
          check.out(),
          "     2 |   var p = Paths.get(\"x\");\n" + "    " + "       |           ^\n");
    }

    @Test
    void checkAllSolutionsPasses() {
      TempWorkbook.Run check = run("check", "--all", "--solutions");
      assertExit(0, check);
      assertContains(check.out(), "✓ " + REFCOUNT);
      assertContains(check.out(), "✓ " + PREDICT);
    }
  }

  @Nested
  class UsageErrors {

    @Test
    void anUnknownExerciseIsNamedAndTheIdsAreListed() {
      TempWorkbook.Run check = run("check", "no-such-exercise");
      assertExit(2, check);
      assertContains(check.err(), "no-such-exercise");
      assertContains(check.err(), REFCOUNT);
      assertContains(check.err(), PREDICT);
    }

    @Test
    void anUnknownCommandIsAUsageError() {
      TempWorkbook.Run r = run("frobnicate");
      assertExit(2, r);
      assertContains(r.err(), "frobnicate");
    }

    @Test
    void fileWithoutExactlyOneIdIsAUsageError() {
      Path file = workbook.learnerFile();
      for (List<String> args :
          List.of(
              List.of("check", "--file", file.toString()),
              List.of("check", REFCOUNT, PREDICT, "--file", file.toString()),
              List.of("check", "--all", "--file", file.toString()))) {
        TempWorkbook.Run r = run(args.toArray(String[]::new));
        assertExit(2, r);
        assertContains(r.err(), "--file grades one exercise");
      }
    }

    @Test
    void aSeedOutsideItsRangeIsAUsageErrorThatSaysTheRange() {
      for (String seed : List.of("-1", "1000000000")) {
        TempWorkbook.Run r = run("check", REFCOUNT, "--seed", seed);
        assertExit(2, r);
        assertContains(r.err(), "--seed takes a whole number from 0 to 999999999");
      }
    }

    @Test
    void aRepeatBelowOneIsAUsageError() {
      TempWorkbook.Run r = run("verify", "--repeat", "0");
      assertExit(2, r);
      assertContains(r.err(), "--repeat takes a whole number of runs, 1 or more");
    }

    @Test
    void verifyingAnExerciseThatDoesNotExistNamesTheIdsThereAreAndGradesNothing() {
      TempWorkbook.Run r = run("verify", "no-such-exercise");
      assertExit(2, r);
      assertContains(r.err(), "no exercise 'no-such-exercise'");
      assertContains(r.err(), "predict-getrefcount");
      assertFalse(r.out().contains("Verifying"), r.out());
    }

    @Test
    void resetWithNeitherAnIdNorAllIsAUsageError() {
      TempWorkbook.Run r = run("reset");
      assertExit(2, r);
      assertContains(r.err(), "--all");
    }
  }

  @Nested
  class Hints {

    @Test
    void theFirstCallShowsLevelOneOnly() {
      TempWorkbook.Run hint = run("hint", REFCOUNT);
      assertExit(0, hint);
      assertContains(hint.out(), "1/3 Count owners.");
      assertFalse(hint.out().contains("2/3"), hint::toString);
      assertContains(hint.out(), "./gilbook hint " + REFCOUNT + "' again");
    }

    @Test
    void eachCallUnlocksOneMoreLevel() {
      run("hint", REFCOUNT);
      TempWorkbook.Run second = run("hint", REFCOUNT);
      assertExit(0, second);
      assertContains(second.out(), "1/3 Count owners.");
      assertContains(second.out(), "2/3 obItem().add()");
      assertFalse(second.out().contains("3/3"), second::toString);

      TempWorkbook.Run third = run("hint", REFCOUNT);
      assertContains(third.out(), "3/3 listAppend:");
      assertContains(third.out(), "./gilbook solution " + REFCOUNT);
    }

    @Test
    void aLevelBeyondTheNextIsRefusedUntilUnlocked() {
      TempWorkbook.Run early = run("hint", REFCOUNT, "--level", "3");
      assertExit(2, early);
      assertContains(early.err(), "unlock one at a time");
      run("hint", REFCOUNT);
      TempWorkbook.Run stillEarly = run("hint", REFCOUNT, "--level", "3");
      assertExit(2, stillEarly);
      assertContains(stillEarly.err(), "level 2 comes next");
      assertExit(0, run("hint", REFCOUNT, "--level", "2"));
      assertExit(0, run("hint", REFCOUNT, "--level", "3"));
    }

    @Test
    void aHintForAnotherExerciseKeepsTheLearnersPlace() throws IOException {
      Files.createDirectories(workbook.progressFile().getParent());
      Files.writeString(workbook.progressFile(), "current " + PREDICT + "\n");
      assertExit(0, run("hint", REFCOUNT));
      assertContains(run("list").out(), "Next: ./gilbook check " + PREDICT);
      assertTrue(
          Files.readAllLines(workbook.progressFile()).contains("current " + PREDICT),
          "the current exercise stays where it was");
    }

    @Test
    void progressJsonReportsEachExercisesHintLevel() {
      run("hint", REFCOUNT);
      run("hint", REFCOUNT);
      TempWorkbook.Run progress = run("progress", "--json");
      assertExit(0, progress);
      JsonNode refcount = null;
      JsonNode predict = null;
      for (JsonNode e : progress.json().path("chapters").get(0).path("exercises")) {
        refcount = e.path("id").asText().equals(REFCOUNT) ? e : refcount;
        predict = e.path("id").asText().equals(PREDICT) ? e : predict;
      }
      assertNotNull(refcount, progress::toString);
      assertNotNull(predict, progress::toString);
      assertEquals(2, refcount.path("hintLevel").asInt(-1), progress::toString);
      assertEquals(3, refcount.path("hintLevels").asInt(-1), progress::toString);
      assertEquals(0, predict.path("hintLevel").asInt(-1), progress::toString);
      assertEquals("pending", refcount.path("status").asText(), "existing fields stay");
      assertContains(run("progress").out(), REFCOUNT + "  hints 2/3");
    }

    @Test
    void aLevelThatDoesNotExistIsRefused() {
      TempWorkbook.Run r = run("hint", REFCOUNT, "--level", "9");
      assertExit(2, r);
      assertContains(r.err(), "hint levels 1 to 3");
    }
  }

  @Nested
  class Resetting {

    @Test
    void resetRestoresTheShippedStubAndKeepsABackup() throws IOException {
      String edited = "// my attempt\nvoid listAppend(PyList list, PyObject item) {}\n";
      Files.writeString(workbook.learnerFile(), edited);
      TempWorkbook.Run reset = run("reset", REFCOUNT);
      assertExit(0, reset);
      assertArrayEquals(TempWorkbook.shippedStub(), Files.readAllBytes(workbook.learnerFile()));

      String marker = "your previous version is saved at ";
      String line =
          reset
              .out()
              .lines()
              .filter(l -> l.contains(marker))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no backup path in:\n" + reset));
      Path backup = Path.of(line.substring(line.indexOf(marker) + marker.length()).strip());
      assertTrue(backup.startsWith(workbook.root()), backup::toString);
      assertEquals(edited, Files.readString(backup));
    }

    @Test
    void resetAllAsksFirstAndNoChangesNothing() throws IOException {
      String edited = "// my attempt\n";
      Files.writeString(workbook.learnerFile(), edited);
      TempWorkbook.Run r = workbook.runWithInput("n\n", "reset", "--all");
      assertExit(0, r);
      assertContains(r.out(), "Restore all ");
      assertContains(r.out(), "1 file(s) you changed will be backed up");
      assertContains(r.out(), "Nothing reset.");
      assertEquals(edited, Files.readString(workbook.learnerFile()));
      assertFalse(Files.exists(backups()), "nothing was backed up");
    }

    @Test
    void resetAllWithoutAnAnswerIsRefusedWithTheFlagToUse() throws IOException {
      String edited = "// my attempt\n";
      Files.writeString(workbook.learnerFile(), edited);
      TempWorkbook.Run r = workbook.runWithInput("", "reset", "--all");
      assertExit(2, r);
      assertContains(r.err(), "--yes");
      assertEquals(edited, Files.readString(workbook.learnerFile()));
    }

    @Test
    void resetAllBacksUpOnlyTheFilesThatDifferFromTheStub() throws IOException {
      String edited = "// my attempt\n";
      Files.writeString(workbook.learnerFile(), edited);
      TempWorkbook.Run r = workbook.runWithInput("y\n", "reset", "--all");
      assertExit(0, r);
      assertArrayEquals(TempWorkbook.shippedStub(), Files.readAllBytes(workbook.learnerFile()));
      List<Path> saved;
      try (Stream<Path> files = Files.list(backups())) {
        saved = files.toList();
      }
      assertEquals(1, saved.size(), saved::toString);
      assertTrue(saved.get(0).getFileName().toString().startsWith(REFCOUNT + "-"), saved::toString);
      assertEquals(edited, Files.readString(saved.get(0)));
      assertContains(r.out(), "predict_getrefcount.jsh was already as shipped");
      assertExit(0, run("reset", "--all", "--yes"));
      try (Stream<Path> files = Files.list(backups())) {
        assertEquals(1, files.count(), "an untouched file has nothing to back up");
      }
    }

    private Path backups() {
      return workbook.resolve(".gilbook/backups");
    }

    @Test
    void resetMarksTheExercisePendingAgain() throws IOException {
      Files.createDirectories(workbook.progressFile().getParent());
      Files.writeString(workbook.progressFile(), "done " + REFCOUNT + "\n");
      assertEquals("done", status(REFCOUNT));
      assertExit(0, run("reset", REFCOUNT));
      assertEquals("pending", status(REFCOUNT));
    }
  }

  @Nested
  class Solutions {

    @Test
    void answeringNoShowsNothingOfTheSolution() {
      TempWorkbook.Run r = workbook.runWithInput("n\n", "solution", REFCOUNT);
      assertExit(0, r);
      assertContains(r.out(), "Not shown");
      assertFalse(r.out().contains("item.incref()"), r::toString);
      assertFalse(r.out().contains("(solution)"), r::toString);
    }

    @Test
    void yesPrintsTheCodeSideBySideFittedToTheWidth() {
      TempWorkbook.Run r = run("solution", REFCOUNT, "--yes", "--width", "120");
      assertExit(0, r);
      List<String> lines = r.out().lines().toList();
      lines.forEach(l -> assertTrue(l.length() <= 120, () -> "wider than 120: " + l));
      assertContains(r.out(), "Not compared: the header comments (your file: lines 1-25;");
      // The stub's TODO beside the line that replaces it, and the line only the solution has.
      assertTrue(
          lines.stream()
              .anyMatch(
                  l -> l.matches("33     item\\.decref\\(\\); // TODO.* \\| 16     return .*")),
          r::toString);
      assertTrue(
          lines.stream().anyMatch(l -> l.matches(" +> 11     item\\.incref\\(\\);")), r::toString);
      assertFalse(r.out().contains("Chapter 1"), "the header comments are left out");
    }

    @Test
    void unifiedPrintsAUnifiedDiffOfTheCode() {
      TempWorkbook.Run r = run("solution", REFCOUNT, "--yes", "--unified");
      assertExit(0, r);
      List<String> lines = r.out().lines().toList();
      assertTrue(lines.contains("--- your " + TempWorkbook.REFCOUNT_PATH), r::toString);
      assertTrue(
          lines.contains("+++ solution " + TempWorkbook.REFCOUNT_SOLUTION_PATH), r::toString);
      assertTrue(lines.contains("@@ your line 26, solution line 8 @@"), r::toString);
      assertTrue(lines.contains("+    item.incref();"), r::toString);
      assertTrue(lines.stream().anyMatch(l -> l.startsWith("-    item.decref();")), r::toString);
      assertFalse(r.out().contains("Chapter 1"), "the header comments are left out");
    }

    @Test
    void aLearnerFileLikeTheSolutionSaysSo() throws IOException {
      Files.writeString(workbook.learnerFile(), "// my header\n\n" + TempWorkbook.solution());
      TempWorkbook.Run r = run("solution", REFCOUNT, "--yes");
      assertExit(0, r);
      assertContains(r.out(), "Your code matches the solution");
    }

    @Test
    void aWidthTooNarrowIsRefusedBeforeTheQuestionWithTheWayOut() {
      TempWorkbook.Run r = workbook.runWithInput("y\n", "solution", REFCOUNT, "--width", "20");
      assertExit(2, r);
      assertContains(r.err(), "--width 20 is too narrow");
      assertContains(r.err(), "--unified");
      assertFalse(r.out().contains("Show the solution"), r::toString);
    }

    @Test
    void noAnswerAtAllIsRefusedWithTheFlagToUse() {
      TempWorkbook.Run r = workbook.runWithInput("", "solution", REFCOUNT);
      assertExit(2, r);
      assertContains(r.err(), "--yes");
      assertFalse(r.out().contains("item.incref()"), r::toString);
    }
  }

  @Nested
  class DamagedProgress {

    @Test
    void aCorruptProgressFileIsBackedUpWithAWarningAndTheCommandStillWorks() throws IOException {
      byte[] garbage = "this is not progress\n{{{ %%% }}}\n".getBytes(UTF_8);
      Files.createDirectories(workbook.progressFile().getParent());
      Files.write(workbook.progressFile(), garbage);

      TempWorkbook.Run list = run("list", "--json");
      assertExit(0, list);
      assertContains(list.err(), "warning");
      assertContains(list.err(), "progress.txt.corrupt-");
      assertTrue(list.json().size() >= 2, list::toString);
      assertEquals("pending", list.json().get(0).path("status").asText(), list::toString);

      List<Path> backups;
      try (Stream<Path> files = Files.list(workbook.progressFile().getParent())) {
        backups =
            files
                .filter(p -> p.getFileName().toString().startsWith("progress.txt.corrupt-"))
                .toList();
      }
      assertFalse(backups.isEmpty(), "no .corrupt- backup next to the progress file");
      assertArrayEquals(garbage, Files.readAllBytes(backups.get(0)));
    }

    @Test
    void theWarningIsGivenOnceNotOnEveryCommand() throws IOException {
      Files.createDirectories(workbook.progressFile().getParent());
      Files.writeString(workbook.progressFile(), "garbage\n");
      assertContains(run("list", "--json").err(), "warning");
      TempWorkbook.Run second = run("progress", "--json");
      assertExit(0, second);
      assertEquals("", second.err(), "the damage was reported once already");
    }

    @Test
    void aDamagedLineIsNamedAndEveryValidLineIsKept() throws IOException {
      Files.createDirectories(workbook.progressFile().getParent());
      Files.writeString(
          workbook.progressFile(),
          "done " + REFCOUNT + "\nnonsense line\nhint " + PREDICT + " 1\n");
      TempWorkbook.Run list = run("list", "--json");
      assertExit(0, list);
      assertContains(list.err(), "line 2 'nonsense line'");
      assertEquals("done", status(REFCOUNT));
      TempWorkbook.Run hint = run("hint", PREDICT);
      assertContains(hint.out(), "2/");
      TempWorkbook.Run after = run("list", "--json");
      assertEquals("", after.err(), "the repaired progress file is healthy");
    }
  }

  @Nested
  class HelpAndVersion {

    static Stream<String> subcommands() {
      Context ctx =
          new Context(
              new PrintWriter(new StringWriter()),
              new PrintWriter(new StringWriter()),
              InputStream.nullInputStream(),
              Ansi.OFF);
      return GilbookCommand.create(ctx).getSubcommands().keySet().stream();
    }

    @Test
    void theRootHasHelp() {
      TempWorkbook.Run r = run("--help");
      assertExit(0, r);
      assertContains(r.out(), "Usage: gilbook");
      subcommands().forEach(name -> assertContains(r.out(), name));
    }

    @ParameterizedTest(name = "gilbook {0} --help")
    @MethodSource("subcommands")
    void everySubcommandHasHelp(String name) {
      TempWorkbook.Run r = run(name, "--help");
      assertExit(0, r);
      assertContains(r.out(), "Usage: gilbook " + name);
    }

    @Test
    void versionNamesGilbook() {
      TempWorkbook.Run r = run("--version");
      assertExit(0, r);
      assertTrue(r.out().startsWith("gilbook "), r::toString);
    }

    @Test
    void noCommandWithoutADisplaySaysSoAndShowsTheUsage() {
      // The build's tests run with -Dgilbook.headless=true: no window may open here.
      TempWorkbook.Run r = run();
      assertExit(2, r);
      assertContains(r.err(), "no display");
      assertContains(r.err(), "Usage: gilbook");
    }
  }

  @Nested
  class Watching {

    @Test
    void watchChecksTheCurrentExerciseAndQuitsAtTheEndOfInput() throws InterruptedException {
      TempWorkbook.Run watch = run("watch", "--poll");
      assertExit(0, watch);
      assertContains(watch.out(), "checking " + TempWorkbook.FIRST.id());
      assertContains(watch.out(), "✗ " + TempWorkbook.FIRST.id());
      assertContains(watch.out(), "Watching " + TempWorkbook.FIRST.path());
      TempWorkbook.assertNoWorkerIsLeftRunning();
    }

    @Test
    void watchMarksAPassingFileDoneAndOffersTheNextExercise()
        throws IOException, InterruptedException {
      workbook.copy().solveFirst();
      String first = TempWorkbook.FIRST.id();
      String second = TempWorkbook.EXERCISES.get(1).id();
      TempWorkbook.Run watch = workbook.runWithInput("q\n", "watch", "--poll");
      assertExit(0, watch);
      assertContains(watch.out(), "✓ " + first);
      assertContains(watch.out(), "Press Enter for the next exercise (" + second + ")");
      assertEquals("done", status(first));
      TempWorkbook.assertNoWorkerIsLeftRunning();
    }

    @Test
    void theNextExerciseIsCheckedOnlyOnceTheLearnerSavesIt()
        throws IOException, InterruptedException {
      workbook.copy().solveFirst();
      String first = TempWorkbook.FIRST.id();
      String second = TempWorkbook.EXERCISES.get(1).id();
      TempWorkbook.Run watch = workbook.runWithInput("\n", "watch", "--poll");
      assertExit(0, watch);
      assertContains(watch.out(), "✓ " + first);
      assertContains(watch.out(), "(" + second + "). Read its task in");
      assertFalse(watch.out().contains("checking " + second), watch::toString);
      assertFalse(watch.out().contains("✗ " + second), watch::toString);
      TempWorkbook.assertNoWorkerIsLeftRunning();
    }
  }

  @Nested
  class Running {

    static Stream<String> exerciseIds() {
      return gilbook.exercises.manifest.Manifest.load(workbook.root()).exercises().stream()
          .map(e -> e.id());
    }

    @ParameterizedTest
    @MethodSource("exerciseIds")
    void runningAnExerciseRunsItsScenarioOnTheStubAndOnTheSolution(String id) throws IOException {
      var exercise =
          gilbook.exercises.manifest.Manifest.load(workbook.root()).exercise(id).orElseThrow();
      for (String version : List.of("stub", "solution")) {
        if (version.equals("solution")) {
          Files.writeString(
              workbook.root().resolve(exercise.path()),
              Files.readString(workbook.root().resolve(exercise.solutionPath())));
        }
        TempWorkbook.Run r = run("run", id);
        String what = id + " (" + version + ")";
        assertTrue(r.exit() == 0 || r.exit() == 1, () -> what + ": " + r);
        assertContains(r.out(), "GIL summary (1 interpreter(s))");
        List<String> rows =
            r.out()
                .lines()
                .dropWhile(l -> !l.contains("held ms"))
                .skip(1)
                .takeWhile(l -> l.startsWith("  "))
                .toList();
        assertFalse(rows.isEmpty(), () -> what + ": no thread in the summary:\n" + r);
        assertTrue(
            rows.stream().anyMatch(l -> !l.strip().split("\\s+")[4].equals("0")),
            () -> what + ": no thread took the GIL:\n" + r);
      }
    }

    @Test
    void runningAFileWithTwoPythonThreadsShowsBothInTheSummary() throws IOException {
      Path file = workbook.scratch("two_threads.jsh");
      Files.writeString(
          file,
          """
          try (Interpreter interp =
                  Interpreter.builder().clock(Clock.virtual(42)).switchInterval(Duration.ofMillis(5)).build()) {
              interp.start("cruncher", () -> Eval.loop(200_000, i -> Eval.instruction()));
              interp.start("reader", () -> {
                  for (int i = 0; i < 10; i++) Work.io(Duration.ofMillis(1));
              });
              interp.awaitThreads();
          }
          System.out.println("threads done");
          """);
      TempWorkbook.Run r = run("run", file.toString());
      assertExit(0, r);
      assertContains(r.out(), "threads done");
      assertContains(r.out(), "GIL summary (1 interpreter(s))");
      assertContains(r.out(), "interpreter: virtual clock, switch interval 5.000 ms");
      List<String> lines = r.out().lines().toList();
      assertTrue(
          lines.stream().anyMatch(l -> l.contains("thread") && l.contains("held ms")), r::toString);
      assertTrue(lines.stream().anyMatch(l -> l.strip().startsWith("cruncher ")), r::toString);
      assertTrue(lines.stream().anyMatch(l -> l.strip().startsWith("reader ")), r::toString);
    }
  }
}

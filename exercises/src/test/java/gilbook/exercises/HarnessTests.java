package gilbook.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gilbook.exercises.grading.GradeReport;
import gilbook.exercises.grading.Grader;
import gilbook.exercises.harness.Problem;
import gilbook.exercises.manifest.Exercise;
import gilbook.exercises.manifest.Manifest;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HarnessTests {
  private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
  private static final Exercise REFCOUNT =
      Manifest.load(AuthoringContractTests.ROOT).exercise("refcount-by-hand").orElseThrow();

  @TempDir Path dir;

  private GradeReport grade(String source) throws Exception {
    Path file = dir.resolve("learner.jsh");
    Files.writeString(file, source);
    return Grader.grade(REFCOUNT, file, QUIET, QUIET);
  }

  private static final String GOOD_POP =
      "PyObject listPop(PyList list) {\n  return list.obItem().removeLast();\n}\n";

  @Nested
  class CompileErrors {

    @Test
    void pointAtTheLearnersLineAndColumnWithTheCompilersMessage() throws Exception {
      GradeReport report =
          grade(
              "// line 1\n"
                  + "\n"
                  + "void listAppend(PyList list, PyObject item) {\n"
                  + "    list.obItem().add(item);\n"
                  + "    item.incref()\n" // line 5: missing semicolon
                  + "}\n"
                  + GOOD_POP);
      assertEquals(1, report.problems().size(), report.toString());
      Problem p = report.problems().get(0);
      assertEquals(Problem.Kind.COMPILE, p.kind());
      assertEquals(5, p.line(), p.toString());
      assertTrue(p.column() > 1, p.toString());
      assertTrue(p.message().contains("';' expected"), p.message());
    }

    @Test
    void anUnknownTypeIsReportedOnItsLine() throws Exception {
      GradeReport report = grade("\n\nint x = 1;\nNoSuchType y = null;\n" + GOOD_POP);
      Problem p = report.problems().get(0);
      assertEquals(4, p.line(), p.toString());
      assertTrue(p.message().contains("cannot find symbol"), p.message());
    }

    @Test
    void anUnknownNameIsNamedNotJustCalledASymbol() throws Exception {
      GradeReport report = grade("int x = 1;\nvar p = Paths.get(\"x\");\n" + GOOD_POP);
      Problem p = report.problems().get(0);
      assertEquals(2, p.line(), p.toString());
      assertEquals(9, p.column(), p.toString());
      assertEquals("cannot find symbol: variable Paths", p.message());
    }

    @Test
    void aWrongCallSaysWhatWasRequiredAndFound() throws Exception {
      GradeReport report = grade("void f(int a) {}\nf();\n" + GOOD_POP);
      String message = report.problems().get(0).message();
      assertTrue(message.startsWith("method f cannot be applied to given types"), message);
      assertTrue(message.contains("; required: int; found: no arguments"), message);
    }

    @Test
    void pathIsPreloadedForTheRuntimesTraceWriter() throws Exception {
      GradeReport report = grade("Path where = Path.of(\"trace.json\");\n" + GOOD_POP);
      assertTrue(
          report.problems().stream().noneMatch(p -> p.kind() == Problem.Kind.COMPILE),
          report.toString());
    }

    @Test
    void aFileThatEndsInsideAMethodSaysSo() throws Exception {
      GradeReport report = grade("void listAppend(PyList list, PyObject item) {\n  int x = 1;\n");
      Problem p = report.problems().get(0);
      assertEquals(1, p.line());
      assertTrue(p.message().contains("missing '}'"), p.message());
    }
  }

  @Nested
  class RuntimeErrors {

    @Test
    void anExceptionInATopLevelStatementNamesItsLine() throws Exception {
      GradeReport report =
          grade("int a = 1;\nint b = 2;\nObject o = null;\nint n = o.hashCode();\n");
      Problem p = report.problems().get(0);
      assertEquals(Problem.Kind.EXCEPTION, p.kind());
      assertEquals(4, p.line(), p.toString());
      assertTrue(p.message().startsWith("NullPointerException"), p.message());
    }

    @Test
    void anExceptionDuringAChecksNamesTheLearnersLine() throws Exception {
      GradeReport report =
          grade(
              "void listAppend(PyList list, PyObject item) {\n"
                  + "  list.obItem().add(item);\n"
                  + "  throw new IllegalStateException(\"mine\");\n" // line 3
                  + "}\n"
                  + GOOD_POP);
      assertTrue(report.problems().isEmpty(), report.toString());
      String message = report.checks().get(0).message();
      assertTrue(message.contains("IllegalStateException: mine"), message);
      assertTrue(message.contains("line 3 of your file"), message);
    }
  }

  @Nested
  class Contracts {

    @Test
    void aMissingMethodIsNamedWithItsSignature() throws Exception {
      GradeReport report = grade(GOOD_POP);
      Problem p = report.problems().get(0);
      assertEquals(Problem.Kind.CONTRACT, p.kind());
      assertTrue(p.message().contains("void listAppend(PyList, PyObject)"), p.message());
    }

    @Test
    void theSolutionPassesEveryCheckAndTheStubFailsThem() throws Exception {
      Path root = AuthoringContractTests.ROOT;
      GradeReport solution =
          Grader.grade(REFCOUNT, root.resolve(REFCOUNT.solutionPath()), QUIET, QUIET);
      GradeReport stub =
          Grader.grade(
              REFCOUNT,
              root.resolve("exercises/src/main/resources").resolve(REFCOUNT.stubResource()),
              QUIET,
              QUIET);
      assertTrue(solution.passed(), solution.toString());
      assertFalse(stub.passed());
      assertEquals(4, stub.checks().size());
      assertTrue(stub.checks().stream().noneMatch(c -> c.passed()), stub.toString());
      String first = stub.checks().get(0).message();
      assertTrue(first.startsWith("Expected: "), first);
      assertTrue(first.contains("\nGot:      "), first);
      assertTrue(first.contains("\nTry:      "), first);
    }
  }

  @Nested
  class BadFiles {

    @Test
    void anEmptyExerciseFileSaysHowToRestoreIt() throws Exception {
      Path file = dir.resolve(REFCOUNT.path());
      Files.createDirectories(file.getParent());
      Files.writeString(file, "  \n\n");
      Problem p = Grader.grade(REFCOUNT, file, QUIET, QUIET).problems().get(0);
      assertEquals(Problem.Kind.FILE, p.kind());
      assertTrue(p.message().contains("empty"), p.message());
      assertTrue(p.message().contains("./gilbook reset refcount-by-hand"), p.message());
    }

    @Test
    void anEmptyFileFromElsewhereIsNotOneResetCanRestore() throws Exception {
      Problem p = grade("  \n\n").problems().get(0);
      assertTrue(p.message().contains("empty"), p.message());
      assertFalse(p.message().contains("reset"), p.message());
      assertTrue(p.message().contains("Check the file you asked to grade."), p.message());
    }

    @Test
    void aBinaryFileIsRefused() throws Exception {
      Path file = dir.resolve("binary.jsh");
      Files.write(file, new byte[] {(byte) 0xCA, (byte) 0xFE, 0, 1, 2});
      Problem p = Grader.grade(REFCOUNT, file, QUIET, QUIET).problems().get(0);
      assertTrue(p.message().contains("binary"), p.message());
    }

    @Test
    void aMissingFileIsRefused() {
      Problem p = Grader.grade(REFCOUNT, dir.resolve("nope.jsh"), QUIET, QUIET).problems().get(0);
      assertTrue(p.message().contains("does not exist"), p.message());
    }
  }
}

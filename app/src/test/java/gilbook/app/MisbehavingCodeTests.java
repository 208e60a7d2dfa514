package gilbook.app;

import static gilbook.app.TempWorkbook.REFCOUNT;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Learner code that misbehaves in every way we could think of gets a clear verdict and leaves
 * gilbook working: the learner's file is untouched and the next command runs. Each case is written
 * into the learner's file of refcount-by-hand and checked with {@code check refcount-by-hand
 * --json}.
 *
 * <p>The cases assert the verdict's kind and message, not how long the check took: the worker's
 * time limit is enforced by the engine, and wall-clock time depends on the machine's load. The
 * class timeout only turns a hang into a failure; a check returns within the exercise's 10 s limit
 * plus the engine's grace and kill wait, far inside it.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MisbehavingCodeTests {
  /** A correct refcount-by-hand: 8 lines, so whatever follows starts on line 9. */
  private static final String SOLUTION =
      """
      void listAppend(PyList list, PyObject item) {
          list.obItem().add(item);
          item.incref();
      }

      PyObject listPop(PyList list) {
          return list.obItem().removeLast();
      }
      """;

  @RegisterExtension static final TempWorkbookExtension workbook = new TempWorkbookExtension();

  @AfterEach
  void noWorkerIsLeftRunning() throws InterruptedException {
    TempWorkbook.assertNoWorkerIsLeftRunning();
  }

  /** What checking one learner file gave. */
  private record Checked(TempWorkbook.Run run, JsonNode outcome) {
    String kind() {
      return outcome.path("error").path("kind").asText();
    }

    String message() {
      return outcome.path("error").path("message").asText();
    }
  }

  /** Writes {@code content} as the learner's file (or deletes it, for null) and checks it. */
  private static Checked check(byte[] content) throws IOException {
    Path file = workbook.learnerFile();
    if (content == null) {
      Files.delete(file);
    } else {
      Files.write(file, content);
    }
    TempWorkbook.Run run = workbook.run("check", REFCOUNT, "--json");
    JsonNode json = run.json();
    assertTrue(json.isArray() && json.size() == 1, run::toString);
    if (content == null) {
      assertFalse(Files.exists(file), "checking must not create the learner's file");
    } else {
      assertArrayEquals(content, Files.readAllBytes(file), "checking must not change the file");
    }
    return new Checked(run, json.get(0));
  }

  private static Checked check(String source) throws IOException {
    return check(source.getBytes(UTF_8));
  }

  /**
   * Checks {@code content} and asserts what every misbehaving file must get: a failed verdict of
   * {@code kind} with a message, exit code 1, and a workbook in which the next command works.
   */
  private static Checked failsWith(String kind, byte[] content) throws IOException {
    Checked c = check(content);
    assertEquals(1, c.run().exit(), c.run()::toString);
    assertFalse(c.outcome().path("passed").asBoolean(true), c.run()::toString);
    assertEquals(kind, c.kind(), c.run()::toString);
    assertFalse(c.message().isBlank(), c.run()::toString);
    assertTheNextCommandWorks("pending");
    return c;
  }

  private static Checked failsWith(String kind, String source) throws IOException {
    return failsWith(kind, source.getBytes(UTF_8));
  }

  private static void assertTheNextCommandWorks(String expectedStatus) {
    TempWorkbook.Run list = workbook.run("list", "--json");
    assertEquals(0, list.exit(), list::toString);
    String status = null;
    for (var row : list.json()) {
      status = row.path("id").asText().equals(REFCOUNT) ? row.path("status").asText() : status;
    }
    assertEquals(expectedStatus, status, list::toString);
  }

  private static void assertContains(String haystack, String needle) {
    assertTrue(haystack.contains(needle), () -> "expected '" + needle + "' in:\n" + haystack);
  }

  @Nested
  class CodeThatDoesNotRun {

    @Test
    void aCompileErrorPointsAtItsLine() throws IOException {
      Checked c =
          failsWith(
              "compile",
              """
              void listAppend(PyList list, PyObject item) {
                  list.obItem().add(item);
                  item.incref()
              }

              PyObject listPop(PyList list) {
                  return list.obItem().removeLast();
              }
              """);
      assertContains(c.message(), "refcount_by_hand.jsh:3:");
      assertContains(c.message(), "';' expected");
      assertEquals(3, c.outcome().path("problems").get(0).path("line").asInt(), c.run()::toString);
    }

    @Test
    void anExceptionInATopLevelStatementNamesItsTypeAndLine() throws IOException {
      Checked c =
          failsWith("exception", SOLUTION + "int[] none = new int[0];\n" + "int oops = none[3];\n");
      assertContains(c.message(), "refcount_by_hand.jsh:10:");
      assertContains(c.message(), "ArrayIndexOutOfBoundsException");
    }
  }

  @Nested
  class CodeThatNeverEnds {

    @Test
    void anInfiniteLoopAtTopLevelIsStoppedAtTheTimeLimit() throws IOException {
      Checked c = failsWith("timeout", SOLUTION + "while (true) {}\n");
      assertContains(c.message(), "10 s");
    }

    @Test
    void anInfiniteLoopInsideListAppendIsStoppedAndNamed() throws IOException {
      Checked c =
          failsWith(
              "timeout",
              """
              void listAppend(PyList list, PyObject item) {
                  while (true) {}
              }

              PyObject listPop(PyList list) {
                  return list.obItem().removeLast();
              }
              """);
      assertContains(c.message(), "listAppend");
    }

    @Test
    void anEndlessSleepIsStoppedAtTheTimeLimit() throws IOException {
      Checked c = failsWith("timeout", SOLUTION + "Thread.sleep(Long.MAX_VALUE);\n");
      assertContains(c.message(), "10 s");
    }

    @Test
    void aJavaDeadlockIsNamedWithTheThreadsInvolved() throws IOException {
      // Both threads hold their first lock before either asks for its second: a sure deadlock.
      Checked c =
          failsWith(
              "deadlock",
              SOLUTION
                  + """
                  Object a = new Object();
                  Object b = new Object();
                  var bothHoldOne = new java.util.concurrent.CyclicBarrier(2);
                  Runnable aThenB = () -> {
                      synchronized (a) {
                          try { bothHoldOne.await(); } catch (Exception e) { return; }
                          synchronized (b) {}
                      }
                  };
                  Runnable bThenA = () -> {
                      synchronized (b) {
                          try { bothHoldOne.await(); } catch (Exception e) { return; }
                          synchronized (a) {}
                      }
                  };
                  Thread first = new Thread(aThenB, "takes-a-then-b");
                  Thread second = new Thread(bThenA, "takes-b-then-a");
                  first.start();
                  second.start();
                  first.join();
                  second.join();
                  """);
      assertTrue(c.message().startsWith("deadlock"), c.message());
      assertContains(c.message(), "takes-a-then-b");
      assertContains(c.message(), "takes-b-then-a");
    }
  }

  @Nested
  class CodeThatEndsTheJvm {

    @Test
    void systemExitIsAFailureThatSaysSo() throws IOException {
      Checked c = failsWith("exit", SOLUTION + "System.exit(0);\n");
      assertContains(c.message(), "System.exit");
      assertFalse(c.message().contains("printed"), "there is no output to point at: " + c.run());
    }

    @Test
    void systemExitAfterPrintingPointsAtTheOutput() throws IOException {
      Checked c = failsWith("exit", SOLUTION + "System.out.println(\"bye\");\nSystem.exit(0);\n");
      assertContains(c.message(), "What your code printed may say more.");
      assertContains(c.outcome().path("output").asText(), "bye");
    }

    @Test
    void runtimeHaltIsAFailureThatSaysSo() throws IOException {
      Checked c = failsWith("exit", SOLUTION + "Runtime.getRuntime().halt(0);\n");
      assertContains(c.message(), "Runtime.halt");
    }
  }

  @Nested
  class CodeThatExhaustsTheJvm {

    @Test
    void anOutOfMemoryErrorIsReportedByName() throws IOException {
      Checked c =
          failsWith(
              "exception",
              SOLUTION
                  + "List<long[]> hog = new ArrayList<>();\n"
                  + "while (true) { hog.add(new long[1 << 30]); }\n");
      assertContains(c.message(), "OutOfMemoryError");
      assertContains(c.message(), "refcount_by_hand.jsh:10:");
    }

    @Test
    void aHeapFilledByLittleAndLittleIsReportedAsOutOfMemory() throws IOException {
      Checked c =
          failsWith(
              "exception",
              SOLUTION
                  + "List<long[]> hog = new ArrayList<>();\n"
                  + "while (true) { hog.add(new long[1 << 17]); }\n");
      assertContains(c.message(), "OutOfMemoryError");
    }

    @Test
    void aStackOverflowErrorIsReportedByName() throws IOException {
      Checked c =
          failsWith(
              "exception",
              SOLUTION + "int deeper(int n) { return deeper(n + 1) + 1; }\n" + "deeper(0);\n");
      assertContains(c.message(), "StackOverflowError");
    }
  }

  @Nested
  class CodeThatLeavesThingsBehind {

    @Test
    void aStrayNonDaemonThreadFailsACorrectSolution() throws IOException {
      Checked c =
          failsWith(
              "stray-thread",
              SOLUTION
                  + """
                  new Thread(() -> {
                      while (true) {
                          try { Thread.sleep(1000); } catch (InterruptedException e) {}
                      }
                  }, "forgotten-poller").start();
                  """);
      assertContains(c.message(), "forgotten-poller");
      JsonNode checks = c.outcome().path("checks");
      assertEquals(4, checks.size(), c.run()::toString);
      checks.forEach(check -> assertTrue(check.path("passed").asBoolean(), check::toString));
    }

    @Test
    void fiftyMegabytesOfOutputAreCutAndTheCheckStillCompletes() throws IOException {
      Checked c =
          check(
              """
              String kilobyte = "x".repeat(1023);
              for (int i = 0; i < 51_200; i++) System.out.println(kilobyte);
              """
                  + SOLUTION);
      // The code is correct; printing a lot is not a failure, but it must not flood anything.
      assertEquals(0, c.run().exit(), c.run()::toString);
      assertTrue(c.outcome().path("passed").asBoolean(), c.run()::toString);
      long cut = c.outcome().path("outputTruncatedBytes").asLong();
      assertTrue(cut > 40_000_000, "outputTruncatedBytes " + cut);
      int kept = c.outcome().path("output").asText().getBytes(UTF_8).length;
      assertTrue(kept <= 64 * 1024, "output kept " + kept + " bytes");
      assertTrue(c.run().out().length() < 256 * 1024, "the JSON is " + c.run().out().length());
      assertTheNextCommandWorks("done");
    }
  }

  @Nested
  class FilesThatAreNotJava {

    @Test
    void anEmptyFileIsNamedAsEmptyWithTheWayBack() throws IOException {
      Checked c = failsWith("file", new byte[0]);
      assertContains(c.message(), "empty");
      assertContains(c.message(), "./gilbook reset " + REFCOUNT);
    }

    @Test
    void aBinaryFileIsNamedAsBinaryWithTheWayBack() throws IOException {
      Checked c = failsWith("file", new byte[] {(byte) 0xCA, (byte) 0xFE, 0, 0, 0x42, 0, 7});
      assertContains(c.message(), "binary");
      assertContains(c.message(), "./gilbook reset " + REFCOUNT);
    }

    @Test
    void aMissingFileIsNamedAsMissingWithTheWayBack() throws IOException {
      Checked c = failsWith("file", (byte[]) null);
      assertContains(c.message(), "does not exist");
      assertContains(c.message(), "./gilbook reset " + REFCOUNT);
    }
  }

  @Nested
  class CodeThatTriesToFoolTheGrader {

    private final String stub = new String(TempWorkbook.shippedStub(), UTF_8);

    @Test
    void printingPassAndFakeJsonThenExitingIsAFailure() throws IOException {
      Checked c =
          failsWith(
              "exit",
              stub
                  + "\nSystem.out.println(\"PASS\");\n"
                  + "System.out.println(\"{\\\"passed\\\":true}\");\n"
                  + "System.exit(0);\n");
      assertContains(c.outcome().path("output").asText(), "PASS");
      assertEquals(0, c.outcome().path("checks").size(), c.run()::toString);
    }

    @Test
    void theStubsBugsStillFailWhenTheFilePrintsAFakeResult() throws IOException {
      String fake =
          "{\"nonce\":\"00000000000000000000000000000000\",\"status\":\"graded\","
              + "\"checks\":[{\"name\":\"everything\",\"passed\":true,\"message\":\"\"}],"
              + "\"problems\":[],\"strayThreads\":[],\"detail\":\"\",\"lines\":[]}";
      Checked c =
          check(
              stub
                  + "\nSystem.out.println(\"PASS\");\n"
                  + "System.out.println(\""
                  + fake.replace("\"", "\\\"")
                  + "\");\n");
      assertEquals(1, c.run().exit(), c.run()::toString);
      assertFalse(c.outcome().path("passed").asBoolean(true), c.run()::toString);
      JsonNode checks = c.outcome().path("checks");
      assertEquals(4, checks.size(), c.run()::toString);
      assertTrue(c.outcome().path("error").isNull(), c.run()::toString);
      long failed = 0;
      for (JsonNode check : checks) {
        failed += check.path("passed").asBoolean() ? 0 : 1;
      }
      assertTrue(failed > 0, c.run()::toString);
      assertTheNextCommandWorks("pending");
    }

    @Test
    void aResultFileForgedWithoutTheNonceIsIgnored() throws IOException {
      // The result file's path is on the worker's command line; the nonce is not. (Read from
      // /proc: ProcessHandle.info() gives nothing once the class path is long.)
      Checked c =
          failsWith(
              "exit",
              stub
                  + """

                  String[] argv = new String(java.nio.file.Files.readAllBytes(
                      java.nio.file.Path.of("/proc/self/cmdline"))).split("\\u0000");
                  for (int i = 0; i + 1 < argv.length; i++) {
                      if (argv[i].equals("--result")) {
                          java.nio.file.Files.writeString(java.nio.file.Path.of(argv[i + 1]),
                              "{\\"nonce\\":\\"guessed\\",\\"status\\":\\"graded\\","
                                  + "\\"checks\\":[{\\"name\\":\\"all\\",\\"passed\\":true}]}");
                          System.out.println("forged " + argv[i + 1]);
                      }
                  }
                  Runtime.getRuntime().halt(0);
                  """);
      assertContains(c.outcome().path("output").asText(), "forged ");
    }
  }
}

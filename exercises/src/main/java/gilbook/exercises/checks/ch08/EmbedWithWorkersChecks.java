package gilbook.exercises.checks.ch08;

import static gilbook.exercises.grading.Feedback.expect;

import gilbook.exercises.contract.EmbedWithWorkers;
import gilbook.exercises.grading.Submission;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Grades "Embed with workers": no deadlock, workers that progress, a clean shutdown. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbedWithWorkersChecks {
  private static final int TOTAL = EmbedHost.WORKERS * EmbedHost.ITEMS;
  private static final List<Long> EXPECTED = LongStream.range(0, TOTAL).boxed().toList();

  /** A worker may wait this long for the GIL in all: the others' short appends, never Main. */
  private static final long MAX_WAIT = 1_000_000;

  private static final String BEGIN_ALLOW_THREADS =
      "Main holds the GIL from PythonEngine.initialize(interp) on, and nothing releases it while"
          + " it runs .NET code: call PythonEngine.beginAllowThreads() right after initialize,"
          + " before you start the workers.";

  private final EmbedWithWorkers learner = Submission.get(EmbedWithWorkers.class);

  private static String firstLines(String report, int n) {
    return report.lines().limit(n).collect(Collectors.joining(" / "));
  }

  @Test
  @Order(1)
  @DisplayName("the program finishes: the watchdog reports no deadlock")
  void noDeadlock() {
    EmbedHost.Outcome out = EmbedHost.run(learner);
    expect(
        out.finished(),
        "Main and every worker finish, with no deadlock",
        () -> "the watchdog stopped the run: " + firstLines(out.deadlock(), 4),
        BEGIN_ALLOW_THREADS
            + " host.joinWorkers() is a .NET Thread.Join: it keeps the GIL while it waits.");
  }

  @Test
  @Order(2)
  @DisplayName("every worker appends its items to the list")
  void workersAppendEverything() {
    EmbedHost.Outcome out = EmbedHost.run(learner);
    List<Long> got = out.results() == null ? null : out.results().stream().sorted().toList();
    expect(
        EXPECTED.equals(got),
        "the "
            + TOTAL
            + " ints 0.."
            + (TOTAL - 1)
            + " in the list, worker w appending w * items + i for i below items",
        () ->
            got == null
                ? "the run never got back to Main, so the workers' items never arrived: "
                    + firstLines(out.deadlock(), 2)
                : "the list held "
                    + got
                    + (exceptions(out).isEmpty() ? "" : "; " + exceptions(out)),
        out.finished()
            ? "in each worker, for i below items: inside try (GilState gil = Py.gil()) { ... },"
                + " make PyLong.fromLong(w * items + i), results.append it, decref it."
            : BEGIN_ALLOW_THREADS);
  }

  @Test
  @Order(3)
  @DisplayName("no worker starves: each waits under 1 ms for the GIL while Main does its work")
  void workersDoNotStarve() {
    EmbedHost.Outcome out = EmbedHost.run(learner);
    long wait = out.longestWait();
    expect(
        out.finished() && !out.workers().isEmpty() && wait < MAX_WAIT,
        "each worker waits under 1 ms in all for the GIL, while Main runs "
            + EmbedHost.HOST_WORK.toMillis()
            + " ms of host.work()",
        () ->
            out.workers().isEmpty()
                ? "no worker was started (host.startWorker)"
                : !out.finished()
                    ? "the workers were still waiting for the GIL when the watchdog stopped the"
                        + " run: they starved"
                    : String.format(
                        "a worker waited %.2f ms for the GIL: it starved while Main held it",
                        wait / 1e6),
        BEGIN_ALLOW_THREADS
            + " Then hold the GIL only inside Py.gil() blocks, never around host.work().");
  }

  @Test
  @Order(4)
  @DisplayName("the engine is shut down, no thread raised, and nothing leaked")
  void shutsDownCleanly() {
    EmbedHost.Outcome out = EmbedHost.run(learner);
    expect(
        out.finished() && out.engineStopped(),
        "PythonEngine.shutdown() has run when main returns",
        () ->
            !out.finished()
                ? "the run never reached the shutdown: " + firstLines(out.deadlock(), 2)
                : "the engine was still running when main returned",
        out.finished()
            ? "after host.joinWorkers(), call PythonEngine.endAllowThreads(state) and then"
                + " PythonEngine.shutdown() on Main."
            : BEGIN_ALLOW_THREADS);
    expect(
        out.exceptions().isEmpty(),
        "no thread raises",
        () -> exceptions(out),
        "take Py.gil() on the thread that uses Python and close it on that same thread"
            + " (try-with-resources does); call endAllowThreads on Main, which saved the state.");
    expect(
        out.end().leaks().isEmpty(),
        "every object freed at shutdown",
        () -> "leaked: " + out.end().rootLeaks(),
        "append increfs the item: decref each PyLong you made once it is in the list.");
  }

  private static String exceptions(EmbedHost.Outcome out) {
    return out.exceptions().entrySet().stream()
        .map(e -> e.getKey() + " raised " + describe(e))
        .collect(Collectors.joining("; "));
  }

  private static String describe(Map.Entry<String, Throwable> e) {
    Throwable t = e.getValue();
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }
}

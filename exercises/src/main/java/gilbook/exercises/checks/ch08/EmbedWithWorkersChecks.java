package gilbook.exercises.checks.ch08;

import static gilbook.exercises.checks.ch08.EmbedFeedback.EVERY_CALL;
import static gilbook.exercises.checks.ch08.EmbedFeedback.FORGETTING;
import static gilbook.exercises.checks.ch08.EmbedFeedback.GIVE_IT_AWAY;
import static gilbook.exercises.checks.ch08.EmbedFeedback.HINT;
import static gilbook.exercises.checks.ch08.EmbedFeedback.INDENT;
import static gilbook.exercises.checks.ch08.EmbedFeedback.SHUTDOWN_ELSEWHERE;
import static gilbook.exercises.checks.ch08.EmbedFeedback.STARTS_HOLDING;
import static gilbook.exercises.checks.ch08.EmbedFeedback.block;

import gilbook.exercises.contract.EmbedWithWorkers;
import gilbook.exercises.grading.Feedback;
import gilbook.exercises.grading.Seed;
import gilbook.exercises.grading.Submission;
import gilbook.runtime.ShutdownReport;
import gilbook.runtime.ThreadStats;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Grades "Embed with workers" from what each run did, never from the code's text: who raised, who
 * waited for what, who held the GIL and for how long, and who appended which int.
 *
 * <p>Each check runs the learner's {@code main} on {@link #TRIALS} plans drawn from the seed under
 * the check's own name ({@link EmbedPlan#trials}): different numbers of workers and items in every
 * plan (so a file that ignores its arguments fails at least two of them), host work of varied
 * length, threads that start at varied moments, and in the first plan the hardest schedule (one
 * worker meets Main's work, one starts only after it). A check stops at the first plan that breaks
 * its rule.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbedWithWorkersChecks {
  static final int TRIALS = 3;

  /** A worker may wait this long for the GIL in all: the other workers' short appends. */
  static final long MAX_WAIT = 1_000_000;

  private final EmbedWithWorkers learner = Submission.get(EmbedWithWorkers.class);

  private void forEachRun(String check, Consumer<EmbedHost.Outcome> judge) {
    for (EmbedPlan plan : EmbedPlan.trials(Seed.random(check), TRIALS)) {
      judge.accept(EmbedHost.run(learner, plan));
    }
  }

  private static String with(EmbedHost.Outcome out) {
    return "with " + out.plan().describe() + ":" + INDENT;
  }

  @Test
  @Order(1)
  @DisplayName("no thread raises: every Python call is made by a thread allowed to make it")
  void noThreadRaises() {
    forEachRun(
        "no thread raises",
        out -> {
          if (!out.exceptions().isEmpty()) {
            throw Feedback.fail(
                "no thread raises",
                with(out) + block(EmbedFeedback.raised(out.exceptions())),
                EmbedFeedback.ruleBrokenBy(out.exceptions().values().iterator().next()));
          }
        });
  }

  @Test
  @Order(2)
  @DisplayName("the program finishes: no thread waits for ever")
  void theProgramFinishes() {
    forEachRun(
        "the program finishes",
        out -> {
          Stall stall = out.stall();
          if (stall == null) {
            return;
          }
          List<String> got = EmbedFeedback.stalled(stall, whatMainDid(stall), out.exceptions());
          throw Feedback.fail(
              "Main and every worker finish", with(out) + block(got), ruleFor(out, stall));
        });
  }

  private static String whatMainDid(Stall stall) {
    return switch (stall.cause()) {
      case MAIN_NEVER_RELEASED ->
          "Main never released the GIL it has held since PythonEngine.Initialize().";
      case SHUTDOWN_WAITS_FOR_MAIN, MAIN_TOOK_IT_BACK_TOO_SOON ->
          "Main released the GIL, then took it back with "
              + stall.mainTookBackWith()
              + " before the threads it waits for were done.";
      case OTHER -> "";
    };
  }

  private static String ruleFor(EmbedHost.Outcome out, Stall stall) {
    if (!out.exceptions().isEmpty()) {
      return "the exception comes first (a thread that raised may have left the GIL held): "
          + EmbedFeedback.ruleBrokenBy(out.exceptions().values().iterator().next());
    }
    return switch (stall.cause()) {
      case MAIN_NEVER_RELEASED ->
          "Initialize leaves the calling thread holding the GIL, and .NET code never gives it up"
              + " by itself: chapter 8, "
              + STARTS_HOLDING
              + " and "
              + FORGETTING
              + ". Or "
              + HINT
              + ".";
      case SHUTDOWN_WAITS_FOR_MAIN ->
          "Shutdown takes the GIL on the thread that calls it, so the lesson has a rule for"
              + " this case (chapter 8, "
              + SHUTDOWN_ELSEWHERE
              + "): when Shutdown runs on another thread, the main thread leaves the GIL released"
              + " and lets Shutdown take it. Or "
              + HINT
              + ".";
      case MAIN_TOOK_IT_BACK_TOO_SOON ->
          "Thread.Join releases nothing (chapter 8, "
              + FORGETTING
              + "), and "
              + GIVE_IT_AWAY
              + " says when the main thread takes the GIL back for good. Or "
              + HINT
              + ".";
      case OTHER ->
          stall.timeLimit()
              ? "look for a loop whose condition never changes, or a wait nobody ends. Or "
                  + HINT
                  + "."
              : "a thread that waits must not hold what the threads it waits for need; chapter 8, "
                  + FORGETTING
                  + ", shows the pattern. Or "
                  + HINT
                  + ".";
    };
  }

  @Test
  @Order(3)
  @DisplayName("each worker takes the GIL itself and appends its own ints")
  void eachWorkerDoesItsOwnPythonWork() {
    forEachRun(
        "each worker does its own Python work",
        out -> {
          List<String> problems = WhoAppended.problems(out);
          if (problems.isEmpty()) {
            return;
          }
          List<String> got = new ArrayList<>(WhoAppended.summary(out));
          got.addAll(problems);
          throw Feedback.fail(
              "each of the "
                  + out.plan().workers()
                  + " workers appends its own "
                  + out.plan().items()
                  + " ints (step 2 of the exercise), holding the GIL itself; Main appends none",
              with(out) + block(got),
              out.finished()
                  ? "the workers make the Python calls, each inside its own Py.GIL() block:"
                      + " chapter 8, "
                      + EVERY_CALL
                      + ". Or "
                      + HINT
                      + "."
                  : "the run stopped before the work was done: the check \"the program"
                      + " finishes\" says where it was stuck.");
        });
  }

  @Test
  @Order(4)
  @DisplayName("no .NET work under the GIL, and no worker waits long for it")
  void theGilIsHeldOnlyForPythonCalls() {
    forEachRun(
        "the GIL is held only for Python calls",
        out -> {
          List<String> cpu = new ArrayList<>();
          for (ThreadStats s : out.stats().values()) {
            if (s.cpuWithGil() > 0) {
              cpu.add(
                  s.name()
                      + " ran "
                      + millis(s.cpuWithGil())
                      + " of .NET work (host.work()) while it held the GIL");
            }
          }
          List<String> waits = new ArrayList<>();
          boolean stuck = false;
          for (String t : out.threads()) {
            ThreadStats s = out.stats().get(t);
            if (out.stall() != null && out.stall().waitsForGil(t)) {
              stuck = true;
              waits.add(
                  t
                      + " was still waiting for the GIL"
                      + (out.stall().holder() == null ? "" : ", held by " + out.stall().holder())
                      + ", when the run stopped");
            } else if (s != null && s.waited() >= MAX_WAIT) {
              waits.add(t + " waited " + millis(s.waited()) + " for the GIL in all");
            }
          }
          if (cpu.isEmpty() && waits.isEmpty()) {
            return;
          }
          List<String> got = new ArrayList<>(cpu);
          got.addAll(waits);
          String rule;
          if (!cpu.isEmpty()) {
            rule =
                "a thread running .NET code never reaches a check point where it would honour a"
                    + " waiter's drop request, so it keeps the GIL until it releases it itself:"
                    + " chapter 8, "
                    + STARTS_HOLDING
                    + " and "
                    + EVERY_CALL
                    + " (keep the block short). Or "
                    + HINT
                    + ".";
          } else if (stuck) {
            rule =
                "the run stopped with threads still waiting: the check \"the program finishes\""
                    + " says who held the GIL and why.";
          } else {
            rule =
                "a worker waits as long as another thread keeps the GIL: chapter 8, "
                    + FORGETTING
                    + ". Or "
                    + HINT
                    + ".";
          }
          throw Feedback.fail(
              "no thread runs .NET work while it holds the GIL, and each worker waits under "
                  + millis(MAX_WAIT)
                  + " for it in all",
              with(out) + block(got),
              rule);
        });
  }

  @Test
  @Order(5)
  @DisplayName("the engine is shut down and nothing leaks")
  void shutsDownCleanly() {
    forEachRun(
        "the engine is shut down and nothing leaks",
        out -> {
          if (!out.finished()) {
            throw Feedback.fail(
                "PythonEngine.Shutdown() has run when main returns, and every object is freed",
                with(out) + "the run never finished, so neither did the shutdown",
                "the check \"the program finishes\" says where it was stuck.");
          }
          if (!out.engineStopped()) {
            throw Feedback.fail(
                "PythonEngine.Shutdown() has run when main returns",
                with(out) + "the engine was still running when main returned",
                "a program that embeds Python stops the engine before it ends: chapter 8, "
                    + SHUTDOWN_ELSEWHERE
                    + " describes Shutdown. Or "
                    + HINT
                    + ".");
          }
          List<ShutdownReport.Leak> leaks = out.end().rootLeaks();
          if (!leaks.isEmpty()) {
            List<String> got = new ArrayList<>();
            leaks.stream().limit(4).forEach(l -> got.add("leak: " + l));
            if (leaks.size() > 4) {
              got.add("and " + (leaks.size() - 4) + " more");
            }
            throw Feedback.fail(
                "every object freed once the list is gone",
                with(out) + block(got),
                "PyLong.fromLong gives its caller a new reference, and append takes the list's own"
                    + " (chapter 1, \"New and borrowed references\"): who still owes one? Or "
                    + HINT
                    + ".");
          }
        });
  }

  private static String millis(long nanos) {
    return String.format(java.util.Locale.ROOT, "%.2f ms", nanos / 1e6);
  }
}

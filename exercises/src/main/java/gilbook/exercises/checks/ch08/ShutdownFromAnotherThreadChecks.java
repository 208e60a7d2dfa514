package gilbook.exercises.checks.ch08;

import static gilbook.exercises.checks.ch08.EmbedFeedback.EVERY_CALL;
import static gilbook.exercises.checks.ch08.EmbedFeedback.FORGETTING;
import static gilbook.exercises.checks.ch08.EmbedFeedback.GIVE_IT_AWAY;
import static gilbook.exercises.checks.ch08.EmbedFeedback.INDENT;
import static gilbook.exercises.checks.ch08.EmbedFeedback.SHUTDOWN_ELSEWHERE;
import static gilbook.exercises.checks.ch08.EmbedFeedback.SHUTDOWN_HINT;
import static gilbook.exercises.checks.ch08.EmbedFeedback.STARTS_HOLDING;
import static gilbook.exercises.checks.ch08.EmbedFeedback.block;

import gilbook.exercises.contract.ShutdownFromAnotherThread;
import gilbook.exercises.grading.Feedback;
import gilbook.exercises.grading.Seed;
import gilbook.exercises.grading.Submission;
import gilbook.runtime.ShutdownReport;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Grades "Shut down from another thread" from what each run did, never from the code's text: who
 * raised, who held the GIL while whom waited for it, with which call Main took the GIL back, who
 * appended which int, and whether the exit handler found the engine running and left it stopped.
 *
 * <p>Each check runs the learner's {@code main} on {@link #TRIALS} plans drawn from the seed under
 * the check's own name ({@link ShutdownPlan#trials}): different numbers of workers and items in
 * every plan, host work of varied length, workers and the exit handler's thread starting at varied
 * moments. A check stops at the first plan that breaks its rule.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShutdownFromAnotherThreadChecks {
  static final int TRIALS = 3;

  static final String END_ALLOW_THREADS = "PythonEngine.EndAllowThreads()";

  private final ShutdownFromAnotherThread learner = Submission.get(ShutdownFromAnotherThread.class);

  private void forEachRun(String check, Consumer<Run> judge) {
    for (ShutdownPlan plan : ShutdownPlan.trials(Seed.random(check), TRIALS)) {
      judge.accept(new Run(plan, EmbedHost.run(learner, plan.embed(), plan.exitDelay())));
    }
  }

  /** One run: its plan and what it left behind. */
  record Run(ShutdownPlan plan, EmbedHost.Outcome out) {
    String with() {
      return "with " + plan.describe() + ":" + INDENT;
    }
  }

  @Test
  @Order(1)
  @DisplayName("no thread raises: every Python call is made by a thread allowed to make it")
  void noThreadRaises() {
    forEachRun(
        "no thread raises",
        run -> {
          if (!run.out().exceptions().isEmpty()) {
            throw Feedback.fail(
                "no thread raises",
                run.with() + block(EmbedFeedback.raised(run.out().exceptions())),
                EmbedFeedback.ruleBrokenBy(
                    run.out().exceptions().values().iterator().next(), SHUTDOWN_HINT));
          }
        });
  }

  @Test
  @Order(2)
  @DisplayName("the program ends: no thread waits for ever")
  void theProgramEnds() {
    forEachRun(
        "the program ends",
        run -> {
          Stall stall = run.out().stall();
          if (stall == null) {
            return;
          }
          List<String> got =
              EmbedFeedback.stalled(stall, whatMainDid(stall), run.out().exceptions());
          throw Feedback.fail(
              "Main, every worker and the exit handler finish",
              run.with() + block(got),
              ruleFor(run));
        });
  }

  private static String whatMainDid(Stall stall) {
    return switch (stall.cause()) {
      case MAIN_NEVER_RELEASED ->
          "Main never released the GIL it has held since PythonEngine.Initialize().";
      case SHUTDOWN_WAITS_FOR_MAIN ->
          stall.mainReleased()
              ? "Main released the GIL, took it back with "
                  + stall.mainTookBackWith()
                  + ", and still held it when it began to wait for the exit handler."
              : "Main never released the GIL it has held since PythonEngine.Initialize(), and"
                  + " waited for the exit handler holding it.";
      case MAIN_TOOK_IT_BACK_TOO_SOON ->
          "Main released the GIL, then took it back with "
              + stall.mainTookBackWith()
              + " before the threads it waits for were done.";
      case OTHER -> "";
    };
  }

  private static String ruleFor(Run run) {
    if (!run.out().exceptions().isEmpty()) {
      return "the exception comes first (a thread that raised may have left the GIL held): "
          + EmbedFeedback.ruleBrokenBy(
              run.out().exceptions().values().iterator().next(), SHUTDOWN_HINT);
    }
    Stall stall = run.out().stall();
    return switch (stall.cause()) {
      case SHUTDOWN_WAITS_FOR_MAIN ->
          "Shutdown takes the GIL on the thread that runs it, like any Py.GIL() caller, so a"
              + " thread that waits for the shutdown must not hold the GIL meanwhile. Chapter 8,"
              + " "
              + SHUTDOWN_ELSEWHERE
              + ", has the rule for this case. Or "
              + SHUTDOWN_HINT
              + ".";
      case MAIN_NEVER_RELEASED ->
          "Initialize leaves the calling thread holding the GIL, and .NET code never gives it up"
              + " by itself: chapter 8, "
              + STARTS_HOLDING
              + " and "
              + FORGETTING
              + ". Or "
              + SHUTDOWN_HINT
              + ".";
      case MAIN_TOOK_IT_BACK_TOO_SOON ->
          "Thread.Join releases nothing (chapter 8, "
              + FORGETTING
              + "): Main must not hold the GIL while it waits for threads that need it. Or "
              + SHUTDOWN_HINT
              + ".";
      case OTHER ->
          stall.timeLimit()
              ? "look for a loop whose condition never changes, or a wait nobody ends. Or "
                  + SHUTDOWN_HINT
                  + "."
              : "a thread that waits must not hold what the threads it waits for need: chapter 8, "
                  + SHUTDOWN_ELSEWHERE
                  + ". Or "
                  + SHUTDOWN_HINT
                  + ".";
    };
  }

  @Test
  @Order(3)
  @DisplayName("the workers append their own ints, and Main appends their total")
  void theWorkersAndMainDoTheirPythonWork() {
    forEachRun(
        "the workers and Main do their Python work",
        run -> {
          EmbedHost.Outcome out = run.out();
          long total = run.plan().total();
          List<String> problems = new ArrayList<>(WhoAppended.problems(out, List.of(total)));
          List<AppendLedger.Item> mains = out.appended().getOrDefault(GilLog.MAIN, List.of());
          boolean mainAppendedTotal =
              mains.stream().anyMatch(i -> i.value() != null && i.value() == total);
          if (!mainAppendedTotal) {
            problems.add(
                mains.isEmpty()
                    ? "Main appended no total (step 4 of the exercise)"
                    : "none of the ints Main appended was the sum of the workers' ints");
          } else if (out.finalValues() != null
              && (out.finalValues().isEmpty()
                  || out.finalValues().get(out.finalValues().size() - 1) != total)) {
            problems.add("the total was not the last int in the list when main returned");
          }
          if (problems.isEmpty()) {
            return;
          }
          List<String> got = new ArrayList<>(WhoAppended.summary(out));
          got.addAll(problems);
          throw Feedback.fail(
              "each of the "
                  + run.plan().embed().workers()
                  + " workers appends its own "
                  + run.plan().embed().items()
                  + " ints holding the GIL itself, then Main appends one int, their sum, read from"
                  + " the list while it holds the GIL",
              run.with() + block(got),
              out.finished()
                  ? "each thread takes the GIL for its own Python calls, inside its own Py.GIL()"
                      + " block: chapter 8, "
                      + EVERY_CALL
                      + ". Or "
                      + SHUTDOWN_HINT
                      + "."
                  : "the run stopped before the work was done: the check \"the program ends\""
                      + " says where it was stuck.");
        });
  }

  @Test
  @Order(4)
  @DisplayName("Main leaves the GIL released for the exit handler's Shutdown")
  void mainLeavesTheGilReleasedForShutdown() {
    forEachRun(
        "Main leaves the GIL released for Shutdown",
        run -> {
          EmbedHost.Outcome out = run.out();
          List<String> got = new ArrayList<>();
          Stall stall = out.stall();
          boolean released = out.mainReleased();
          List<String> tookBack = out.mainTookBackWith();
          String heldBy = out.shutdownFoundHolder().get(EmbedHost.EXIT_HANDLER);
          if (!released) {
            got.add(
                "Main never released the GIL it has held since PythonEngine.Initialize()"
                    + " with BeginAllowThreads");
          }
          if (tookBack.contains(END_ALLOW_THREADS)) {
            got.add(
                "Main took the GIL back with "
                    + END_ALLOW_THREADS
                    + ", though the engine is shut down on "
                    + EmbedHost.EXIT_HANDLER
                    + (stall == null
                        ? " (this run did not hang only because Main released the GIL again"
                            + " before it waited in host.exit())"
                        : ""));
          }
          if (GilLog.MAIN.equals(heldBy)) {
            got.add(
                "when "
                    + EmbedHost.EXIT_HANDLER
                    + "'s PythonEngine.Shutdown() asked for the GIL, Main held it");
          }
          if (got.isEmpty()) {
            return;
          }
          throw Feedback.fail(
              "Main releases the GIL with BeginAllowThreads, takes it only for its own Python calls"
                  + " (never back for good with EndAllowThreads), and does not hold it when the"
                  + " exit handler's Shutdown asks for it",
              run.with() + block(got),
              "EndAllowThreads takes the GIL back for good (chapter 8, "
                  + GIVE_IT_AWAY
                  + "), and the pythonnet wiki has a rule for a program whose Shutdown runs on"
                  + " another thread (chapter 8, "
                  + SHUTDOWN_ELSEWHERE
                  + "). Or "
                  + SHUTDOWN_HINT
                  + ".");
        });
  }

  @Test
  @Order(5)
  @DisplayName("the exit handler shuts the engine down, and nothing leaks")
  void theExitHandlerShutsDownCleanly() {
    forEachRun(
        "the exit handler shuts the engine down and nothing leaks",
        run -> {
          EmbedHost.Outcome out = run.out();
          String expected =
              "main ends with host.exit(), whose exit handler finds the engine running and shuts"
                  + " it down; every object is freed";
          if (!out.finished()) {
            throw Feedback.fail(
                expected,
                run.with() + "the run never finished, so neither did the shutdown",
                "the check \"the program ends\" says where it was stuck.");
          }
          EmbedHost.ExitRun exit = out.exit();
          String got = null;
          if (exit == null) {
            got = "main returned without calling host.exit()";
          } else if (exit.handlers() == 0) {
            got = "host.exit() ran no exit handler: none was registered with host.onExit";
          } else if (!exit.runningBefore()) {
            got =
                "the engine was no longer running when the exit handler started: it was shut down"
                    + " before host.exit(), not by the exit handler";
          } else if (exit.runningAfter()) {
            got = "the exit handler ran and left the engine running";
          } else if (!out.engineStopped()) {
            got = "the engine was running again when main returned";
          }
          if (got != null) {
            throw Feedback.fail(
                expected,
                run.with() + got,
                "in this program the engine is stopped by PythonEngine.Shutdown() in the exit"
                    + " handler, on its own thread: chapter 8, "
                    + SHUTDOWN_ELSEWHERE
                    + ". Or "
                    + SHUTDOWN_HINT
                    + ".");
          }
          List<ShutdownReport.Leak> leaks = out.end().rootLeaks();
          if (!leaks.isEmpty()) {
            List<String> lines = new ArrayList<>();
            leaks.stream().limit(4).forEach(l -> lines.add("leak: " + l));
            if (leaks.size() > 4) {
              lines.add("and " + (leaks.size() - 4) + " more");
            }
            throw Feedback.fail(
                "every object freed once the list is gone",
                run.with() + block(lines),
                "PyLong.fromLong and PyLong.add give their caller a new reference, and append"
                    + " takes the list's own (chapter 1, \"New and borrowed references\"): who"
                    + " still owes one? Or "
                    + SHUTDOWN_HINT
                    + ".");
          }
        });
  }
}

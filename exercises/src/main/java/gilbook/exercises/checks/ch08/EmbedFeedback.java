package gilbook.exercises.checks.ch08;

import gilbook.exercises.grading.Submission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The words the checks of chapter 8's exercises share: where each rule is in the lesson, and how a
 * thread's exception reads. A message says what the code did and which rule it broke; it never says
 * which line to write.
 */
final class EmbedFeedback {
  static final String HINT = "./gilbook hint embed-with-workers";
  static final String SHUTDOWN_HINT = "./gilbook hint shutdown-from-another-thread";

  static final String STARTS_HOLDING = "\"The main thread starts out holding the GIL\"";
  static final String GIVE_IT_AWAY = "\"Give it away: BeginAllowThreads\"";
  static final String EVERY_CALL = "\"Take it for every call: Py.GIL()\"";
  static final String FORGETTING = "\"Forgetting BeginAllowThreads\"";
  static final String SHUTDOWN_ELSEWHERE = "\"Shutting down from another thread\"";
  static final String SAME_THREAD = "\"Release on the thread that took it\"";

  /** Where the continuation lines of a "Got:" start, so they line up under its first line. */
  static final String INDENT = "\n          ";

  private EmbedFeedback() {}

  /** {@code lines} as one block of a Feedback message, one per line. */
  static String block(List<String> lines) {
    return String.join(INDENT, lines);
  }

  /**
   * What a run that never finished says, line by line: how it stopped (the watchdog found no thread
   * that could move, or the virtual time limit passed), the watchdog's report, {@code whatMainDid}
   * when it is not empty, and the exceptions the run began with.
   */
  static List<String> stalled(Stall stall, String whatMainDid, Map<String, Throwable> exceptions) {
    List<String> got = new ArrayList<>();
    got.add(
        stall.timeLimit()
            ? "the run was still going after "
                + EmbedHost.TIME_LIMIT.toSeconds()
                + " s of virtual time, far more than its work needs:"
            : "the watchdog stopped the run: no thread could move again.");
    got.addAll(stall.lines());
    if (!whatMainDid.isEmpty()) {
      got.add(whatMainDid);
    }
    if (!exceptions.isEmpty()) {
      got.add("It began with an exception (see the first check):");
      got.addAll(raised(exceptions));
    }
    return got;
  }

  /** "Worker-0 raised GilStateError: ... (line 31 of your file)", one per thread. */
  static List<String> raised(Map<String, Throwable> exceptions) {
    return exceptions.entrySet().stream()
        .map(e -> e.getKey() + " raised " + describe(e.getValue()))
        .collect(Collectors.toList());
  }

  private static String describe(Throwable t) {
    String line = Submission.learnerLine(t).map(n -> " (line " + n + " of your file)").orElse("");
    String message = t.getMessage() == null ? "" : ": " + whatHappened(t.getMessage());
    return t.getClass().getSimpleName() + message + line;
  }

  /**
   * The part of a runtime message that says what happened, without the advice that follows it (the
   * runtime's messages end with what to change, which the checks leave to the hints).
   */
  static String whatHappened(String message) {
    Matcher end = ADVICE.matcher(message);
    return end.find() ? message.substring(0, end.start()) : message;
  }

  /** Where a runtime message's advice starts: its second sentence, or after a semicolon. */
  private static final Pattern ADVICE = Pattern.compile("\\.\\s+(?=[A-Z])|;\\s");

  /** The rule an exception broke, with the lesson's section that states it. */
  static String ruleBrokenBy(Throwable t) {
    return ruleBrokenBy(t, HINT);
  }

  /** As {@link #ruleBrokenBy(Throwable)}, ending with the given exercise's hint command. */
  static String ruleBrokenBy(Throwable t, String hint) {
    String type = t.getClass().getSimpleName();
    String message = String.valueOf(t.getMessage());
    String rule =
        switch (type) {
          case "GilNotHeldError" ->
              "a thread may touch a Python object only while it holds the GIL: chapter 8, "
                  + EVERY_CALL
                  + ".";
          case "DanglingPointerError" ->
              "an object was used after its last owner let go of it: each reference is given"
                  + " back once, by its owner (chapter 1, \"Leaks and dangling pointers\").";
          case "GilStateError" -> gilStateRule(message);
          default -> "read the exception above: it names what went wrong.";
        };
    return rule + " Or " + hint + ".";
  }

  private static String gilStateRule(String message) {
    if (message.contains("released a Py.GIL() handle") || message.contains("EndAllowThreads on")) {
      return "a Py.GIL() handle, and a BeginAllowThreads state, belong to the thread that got"
          + " them: chapter 8, "
          + SAME_THREAD
          + ".";
    }
    if (message.contains("engine is not running")) {
      return "Python can be called only while the engine runs, from PythonEngine.Initialize() until"
          + " PythonEngine.Shutdown(): chapter 8, "
          + STARTS_HOLDING
          + " and "
          + SHUTDOWN_ELSEWHERE
          + ".";
    }
    if (message.contains("does not hold the GIL")) {
      return "BeginAllowThreads releases a GIL the calling thread holds: chapter 8, "
          + GIVE_IT_AWAY
          + ".";
    }
    return "a thread takes the GIL once and gives it back once: chapter 8, " + EVERY_CALL + ".";
  }
}

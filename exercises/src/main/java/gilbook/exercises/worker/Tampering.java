package gilbook.exercises.worker;

import gilbook.exercises.grading.CheckResult;
import gilbook.exercises.harness.Problem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises learner code that tried to reach the grader or forge its verdict, so that the verdict
 * says so plainly instead of showing a bare {@code IllegalAccessError}.
 *
 * <p>Notes. The worker's module keeps such code out (see {@link Encapsulation}); this only names
 * what was refused. It reads the messages the JVM gives when access is refused: a class, field or
 * method of a gilbook package that is not open to the caller, {@code sun.misc.Unsafe} (whose module
 * the worker leaves out), the attach API; and whether a file was written where the verdict channel
 * was (its path is on the worker's command line). Refusals in threads the learner started and did
 * not handle count too, through the default uncaught-exception handler. Code that catches the
 * refusal and carries on is not named: it simply fails its checks.
 */
final class Tampering {
  /** A gilbook class or member named in an access error. */
  private static final Pattern GILBOOK =
      Pattern.compile("gilbook\\.exercises\\.(?:worker|grading|verify|checks|manifest)[\\w.$]*");

  private static final List<String> REFUSED_IN_THREADS = new CopyOnWriteArrayList<>();

  private Tampering() {}

  /** Records refusals that end learner threads, then reports them as the JVM would. */
  static void watch() {
    Thread.setDefaultUncaughtExceptionHandler(
        (thread, thrown) -> {
          attempt(thrown.toString()).ifPresent(REFUSED_IN_THREADS::add);
          if (thrown instanceof ThreadDeath) {
            return; // the JVM's own handler is silent about these too
          }
          System.err.print("Exception in thread \"" + thread.getName() + "\" ");
          thrown.printStackTrace(System.err);
        });
  }

  /**
   * What a message says learner code tried, when it is a refusal of access to the grader: for
   * example "the grader's internals (gilbook.exercises.worker.Worker.nonce)".
   */
  static Optional<String> attempt(String message) {
    if (message == null) {
      return Optional.empty();
    }
    if (message.contains("sun.misc.Unsafe")
        || message.contains("sun/misc/Unsafe")
        || message.contains("jdk.internal.misc")
        || message.contains("jdk/internal/misc")) {
      return Optional.of("sun.misc.Unsafe, which the grader's JVM does not offer");
    }
    if (message.contains("com.sun.tools.attach") || message.contains("com/sun/tools/attach")) {
      return Optional.of("the attach API, to reach into the grader's JVM");
    }
    boolean refused =
        message.contains("module gilbook.exercises")
            || message.contains("gilbook.exercises does not")
            || message.contains("in module gilbook.exercises");
    if (refused) {
      Matcher m = GILBOOK.matcher(message);
      String what = m.find() ? m.group() : "gilbook.exercises";
      return Optional.of("the grader's internals (" + what + ")");
    }
    return Optional.empty();
  }

  /**
   * The verdict to give instead of {@code result} when learner code tried to forge one, or {@code
   * result} itself. {@code verdictPath} is where the verdict channel's socket was.
   */
  static WorkerResult review(WorkerResult result, Path verdictPath) {
    List<Problem> named = new ArrayList<>();
    for (Problem p : result.problems()) {
      attempt(p.message()).ifPresent(what -> named.add(problem(p.line(), what)));
    }
    for (CheckResult c : result.checks()) {
      attempt(c.message()).ifPresent(what -> named.add(problem(0, what)));
    }
    for (String what : REFUSED_IN_THREADS) {
      named.add(problem(0, what + ", from a thread it started"));
    }
    if (verdictPath != null && Files.isRegularFile(verdictPath, LinkOption.NOFOLLOW_LINKS)) {
      named.add(
          new Problem(
              Problem.Kind.EXCEPTION,
              0,
              0,
              "your code wrote a verdict of its own ("
                  + verdictPath
                  + ", a path it found on the worker's command line). Verdicts come only from"
                  + " the checks, over a channel your code cannot reach; solve the exercise"
                  + " instead."));
    }
    if (named.isEmpty()) {
      return result;
    }
    return new WorkerResult(
        result.nonce(), "problems", dedupe(named), null, null, result.detail(), null, null);
  }

  private static Problem problem(int line, String what) {
    return new Problem(
        Problem.Kind.EXCEPTION,
        line,
        0,
        "your code tried to reach "
            + what
            + ". The checks run your code beside the grader, which it can neither read nor"
            + " change, so this can only fail; solve the exercise through its contract instead.");
  }

  private static List<Problem> dedupe(List<Problem> problems) {
    List<Problem> out = new ArrayList<>();
    for (Problem p : problems) {
      if (out.stream().noneMatch(q -> q.message().equals(p.message()) && q.line() == p.line())) {
        out.add(p);
      }
    }
    return out;
  }
}

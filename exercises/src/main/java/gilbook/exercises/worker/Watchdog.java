package gilbook.exercises.worker;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Ends a worker whose learner code runs past the time limit, after saying why: a Java-level
 * deadlock (named by the JVM's own detector), or code that is still running (an infinite loop or a
 * long sleep), with the learner's frame if one is on the stack. The limit is measured on a {@link
 * JobClock}, so a busy machine does not turn a correct, slow-to-start check into a timeout. The
 * parent kills the worker anyway, much later, so this is about a fair verdict and its message; the
 * parent's limit is the safety.
 */
final class Watchdog {
  /** How often the clock is read: often enough for a prompt verdict, rarely enough to cost nil. */
  private static final long TICK_MILLIS = 100;

  private Watchdog() {}

  static void start(long limitMillis, java.util.function.Consumer<String> onTimeout) {
    Thread t =
        new Thread(
            () -> {
              JobClock clock = new JobClock();
              long limitNanos = limitMillis * 1_000_000;
              try {
                while (clock.tick() < limitNanos) {
                  Thread.sleep(TICK_MILLIS);
                }
              } catch (InterruptedException e) {
                return;
              }
              dumpThreadsForDevelopers();
              onTimeout.accept(diagnose(limitMillis));
            },
            "gilbook-watchdog");
    t.setDaemon(true);
    t.start();
  }

  /**
   * With {@code GILBOOK_TIMEOUT_DUMPS} set to a folder (the test suite sets it), writes every
   * thread's stack there, so that a timeout seen in a test can be explained. Learners never see it.
   */
  private static void dumpThreadsForDevelopers() {
    String dir = System.getenv("GILBOOK_TIMEOUT_DUMPS");
    if (dir == null || dir.isBlank()) {
      return;
    }
    StringBuilder dump = new StringBuilder();
    for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
      dump.append(info); // ThreadInfo.toString() shows only 8 frames; add the rest
      StackTraceElement[] stack = info.getStackTrace();
      for (int i = 8; i < stack.length; i++) {
        dump.append("\tat ").append(stack[i]).append('\n');
      }
      dump.append('\n');
    }
    try {
      java.nio.file.Path folder = java.nio.file.Path.of(dir);
      java.nio.file.Files.createDirectories(folder);
      java.nio.file.Files.writeString(
          folder.resolve("timeout-" + ProcessHandle.current().pid() + ".txt"), dump);
    } catch (java.io.IOException | RuntimeException e) {
      System.err.println("gilbook worker: could not write a thread dump to " + dir + ": " + e);
    }
  }

  static String diagnose(long limitMillis) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long[] deadlocked = mx.findDeadlockedThreads();
    String seconds = String.format("%.0f s", limitMillis / 1000.0);
    if (deadlocked != null && deadlocked.length > 0) {
      List<String> parts = new ArrayList<>();
      for (ThreadInfo info : mx.getThreadInfo(deadlocked)) {
        if (info != null) {
          parts.add(
              "'"
                  + info.getThreadName()
                  + "' waits for "
                  + info.getLockName()
                  + " held by '"
                  + info.getLockOwnerName()
                  + "'");
        }
      }
      return "deadlock: your threads wait for each other for ever ("
          + String.join("; ", parts)
          + "). Take locks in one fixed order, or hold only one at a time.";
    }
    String where = learnerFrame();
    return "your code did not finish within the time limit of "
        + seconds
        + where
        + ". Look for a loop that never ends, a sleep, or a wait that is never signalled.";
  }

  /** Where learner code is running, if any thread is in it. */
  private static String learnerFrame() {
    for (var entry : Thread.getAllStackTraces().entrySet()) {
      for (StackTraceElement frame : entry.getValue()) {
        if (frame.getClassName().contains("$JShell$")) {
          return " (thread '"
              + entry.getKey().getName()
              + "' was in "
              + frame.getMethodName()
              + ")";
        }
      }
    }
    return "";
  }
}

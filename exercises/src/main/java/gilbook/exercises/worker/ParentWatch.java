package gilbook.exercises.worker;

import java.util.Optional;

/**
 * Ends this worker when the gilbook process that started it is gone. That process normally ends the
 * worker and everything the learner's code started; if it was killed outright (SIGKILL, a crash),
 * nothing would ever read the verdict, and the worker and its children would run on. A daemon
 * thread looks at the parent a few times a second; that costs nothing measurable.
 */
final class ParentWatch {
  private static final long PERIOD_MILLIS = 250;

  private ParentWatch() {}

  static void start() {
    Optional<ProcessHandle> parent = ProcessHandle.current().parent();
    if (parent.isEmpty()) {
      return;
    }
    ProcessHandle p = parent.get();
    Thread t =
        new Thread(
            () -> {
              while (p.isAlive()) {
                try {
                  Thread.sleep(PERIOD_MILLIS);
                } catch (InterruptedException e) {
                  return;
                }
              }
              Worker.exit(3);
            },
            "gilbook-parent-watch");
    t.setDaemon(true);
    t.start();
  }
}

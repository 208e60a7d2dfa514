package gilbook.app.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps one spare worker JVM started ahead of time, with its JShell already built, so that a check
 * in {@code watch} (or in the window) skips the JVM's start-up. The spare still runs exactly one
 * job and then ends, so each learner file gets a fresh JVM as with a cold worker; a new spare is
 * started as soon as one is used, and a spare that died is simply replaced. Thread-safe.
 */
public final class WarmWorkers implements AutoCloseable {
  private WorkerProcess.Launch spare;
  private boolean closed;

  /** Starts the first spare now, so that it is warm by the time it is needed. */
  public synchronized void prepare() {
    if (!closed && (spare == null || !spare.isAlive())) {
      spare = WorkerProcess.Launch.start(List.of("standby"), null);
    }
  }

  /** Runs one {@code check} job on the spare, then prepares the next spare. */
  synchronized WorkerProcess.Outcome run(
      List<String> checkArgs, long limitMillis, Cancellation cancellation) {
    prepare();
    WorkerProcess.Launch launch = spare;
    spare = null;
    cancellation.attach(launch.tree);
    List<String> job = new ArrayList<>(checkArgs);
    job.add("--limit-ms");
    job.add(Long.toString(limitMillis));
    launch.send(String.join("\t", job));
    launch.closeInput();
    WorkerProcess.Outcome outcome = launch.await(limitMillis);
    prepare();
    return outcome;
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (spare != null) {
      spare.discard();
      spare = null;
    }
  }
}

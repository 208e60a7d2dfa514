package gilbook.exercises.worker;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * How long a job has run, not counting the time other programs on the machine kept it waiting.
 *
 * <p>Notes. A time limit in wall-clock time makes a verdict depend on how busy the machine is: a
 * correct check that takes 1.3 s on a quiet machine took 8 s beside three builds, and would have
 * been called an infinite loop at a little more load. Linux keeps, for each thread, the time it
 * spent runnable but waiting for a CPU ({@code /proc/self/task/TID/schedstat}, second field). Each
 * tick, this clock advances by the wall time of the tick minus the longest such wait of any of our
 * threads in it: the part of the tick in which the job wanted to run and the machine ran something
 * else. So a job that sleeps, waits for a lock, or is deadlocked still times out on the wall clock
 * (nothing held it back), and a busy job on a loaded machine gets about the time it would have had
 * on a quiet one.
 *
 * <p>The wait also counts when a job runs more busy threads than there are cores, so such a job's
 * limit stretches; the parent's own, much later, hard limit still ends it. Without {@code
 * schedstat} (not Linux, or a kernel without it) this is the wall clock. Not thread-safe: one
 * watchdog thread ticks it.
 */
final class JobClock {
  private static final Path TASKS = Path.of("/proc/self/task");

  private final boolean schedstat = Files.isReadable(Path.of("/proc/self/schedstat"));
  private final Map<String, Long> lastWait = new HashMap<>();
  private long lastWall = System.nanoTime();
  private long elapsed;

  JobClock() {
    waits(); // the waits so far are the JVM's start-up before the job began: not ours to count
  }

  /** Whether other programs' load is taken out of the time, or this is the wall clock. */
  boolean discountsLoad() {
    return schedstat;
  }

  /** Advances to now and returns the job's time so far, in nanoseconds. */
  long tick() {
    long now = System.nanoTime();
    long wall = now - lastWall;
    lastWall = now;
    long heldBack = schedstat ? Math.min(wall, waits()) : 0;
    elapsed += wall - heldBack;
    return elapsed;
  }

  /** The longest run-queue wait of any thread since the last look, and remembers the new totals. */
  private long waits() {
    if (!schedstat) {
      return 0;
    }
    long longest = 0;
    Map<String, Long> seen = new HashMap<>();
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
      for (Path task : tasks) {
        long total = runQueueWait(task);
        if (total < 0) {
          continue; // the thread ended while we looked
        }
        String tid = task.getFileName().toString();
        seen.put(tid, total);
        longest = Math.max(longest, total - lastWait.getOrDefault(tid, 0L));
      }
    } catch (IOException e) {
      return 0;
    }
    lastWait.clear();
    lastWait.putAll(seen);
    return longest;
  }

  /** A thread's total run-queue wait in nanoseconds, or -1 if it cannot be read. */
  private static long runQueueWait(Path task) {
    try {
      String[] f = Files.readString(task.resolve("schedstat")).trim().split("\\s+");
      return Long.parseLong(f[1]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}

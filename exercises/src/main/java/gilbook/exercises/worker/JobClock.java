package gilbook.exercises.worker;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

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

  private final LongSupplier wallClock;
  private final Supplier<Map<String, Long>> waitTotals;
  private final Map<String, Long> lastWait = new HashMap<>();
  private long lastWall;
  private long elapsed;

  /** A clock for this JVM: {@link System#nanoTime()}, less the run-queue waits Linux reports. */
  JobClock() {
    this(
        System::nanoTime,
        Files.isReadable(Path.of("/proc/self/schedstat")) ? JobClock::readWaits : Map::of);
  }

  /**
   * A clock on given sources, for tests.
   *
   * @param wallClock the wall clock, in nanoseconds
   * @param waitTotals each live thread's total run-queue wait so far, in nanoseconds, by thread id
   */
  JobClock(LongSupplier wallClock, Supplier<Map<String, Long>> waitTotals) {
    this.wallClock = wallClock;
    this.waitTotals = waitTotals;
    this.lastWall = wallClock.getAsLong();
    // The waits so far are the JVM's start-up, before the job began: not ours to count.
    lastWait.putAll(waitTotals.get());
  }

  /** Advances to now and returns the job's time so far, in nanoseconds. */
  long tick() {
    long now = wallClock.getAsLong();
    long wall = now - lastWall;
    lastWall = now;
    Map<String, Long> totals = waitTotals.get();
    long longest = 0;
    for (Map.Entry<String, Long> t : totals.entrySet()) {
      // A thread we have not seen before started during this tick: all its wait is new.
      longest = Math.max(longest, t.getValue() - lastWait.getOrDefault(t.getKey(), 0L));
    }
    lastWait.clear();
    lastWait.putAll(totals);
    elapsed += wall - Math.min(wall, longest);
    return elapsed;
  }

  /** Every thread's total run-queue wait, from {@code /proc/self/task/TID/schedstat}. */
  private static Map<String, Long> readWaits() {
    Map<String, Long> out = new HashMap<>();
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
      for (Path task : tasks) {
        try {
          // "time on a CPU, time waiting for one, time slices", in nanoseconds
          String[] f = Files.readString(task.resolve("schedstat")).trim().split("\\s+");
          out.put(task.getFileName().toString(), Long.parseLong(f[1]));
        } catch (IOException | RuntimeException e) {
          // the thread ended while we looked
        }
      }
    } catch (IOException e) {
      // /proc went away: count no waits
    }
    return out;
  }
}

package gilbook.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How many cores the whole machine kept busy over a stretch of time, read from Linux's {@code
 * /proc/stat}.
 *
 * <p>Every benchmark keeps about one core busy: one thread runs at a time, or one thread runs
 * Python at a time. Well above one means another process was running too. On a 2-core machine two
 * threads may then share a core and switch only on the kernel's scheduler tick, which disturbs the
 * figures. Immutable.
 */
final class MachineLoad {
  private static final Path PROC_STAT = Path.of("/proc/stat");

  // One Python thread runs at a time, so a quiet machine keeps about one core busy while a
  // benchmark runs; this much more means another process was running.
  private static final double DISTURBED_CORES = 1.5;

  // While the benchmarks wait, they use no core; this much is other processes at work.
  private static final double QUIET_CORES = 0.3;
  private static final long QUIET_SAMPLE_MILLIS = 250;

  private final long busy;
  private final long total;

  private MachineLoad(long busy, long total) {
    this.busy = busy;
    this.total = total;
  }

  /** The counters now; on a system without {@code /proc/stat} every reading is {@code NaN}. */
  static MachineLoad now() {
    try {
      List<String> lines = Files.readAllLines(PROC_STAT);
      // cpu  user nice system idle iowait irq softirq steal guest guest_nice
      String[] f = lines.get(0).trim().split("\\s+");
      long user = Long.parseLong(f[1]);
      long nice = Long.parseLong(f[2]);
      long system = Long.parseLong(f[3]);
      long idle = Long.parseLong(f[4]);
      long iowait = Long.parseLong(f[5]);
      long irq = Long.parseLong(f[6]);
      long softirq = Long.parseLong(f[7]);
      long steal = Long.parseLong(f[8]);
      long busy = user + nice + system + irq + softirq + steal;
      return new MachineLoad(busy, busy + idle + iowait);
    } catch (IOException | RuntimeException e) {
      return new MachineLoad(-1, -1);
    }
  }

  /**
   * Waits, at most {@code limit}, until the machine has been quiet for one short sample. Call it
   * only while no benchmark runs: it counts every busy core as another process's.
   *
   * @return whether the machine was quiet before the limit
   */
  static boolean awaitQuiet(Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    do {
      MachineLoad before = now();
      try {
        Thread.sleep(QUIET_SAMPLE_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
      double busy = before.busyCoresSince();
      if (Double.isNaN(busy) || busy < QUIET_CORES) {
        return true;
      }
    } while (System.nanoTime() - deadline < 0);
    return false;
  }

  /** Whether a benchmark during which the machine kept {@code busyCores} busy shared it. */
  static boolean disturbed(double busyCores) {
    return busyCores > DISTURBED_CORES;
  }

  /** The average number of busy cores from {@code this} reading until now. */
  double busyCoresSince() {
    MachineLoad later = now();
    if (total < 0 || later.total <= total) {
      return Double.NaN;
    }
    double share = (double) (later.busy - busy) / (later.total - total);
    return share * Runtime.getRuntime().availableProcessors();
  }
}

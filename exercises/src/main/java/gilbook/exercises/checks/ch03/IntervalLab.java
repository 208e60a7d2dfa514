package gilbook.exercises.checks.ch03;

import gilbook.exercises.contract.IntervalWorkload;
import gilbook.runtime.Clock;
import gilbook.runtime.Eval;
import gilbook.runtime.GilWaits;
import gilbook.runtime.Interpreter;
import gilbook.runtime.Trace;
import gilbook.runtime.Work;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;

/**
 * The simulations "Tune the interval" is graded against, each in one virtual-time interpreter with
 * the runtime's own GIL: two CPU-bound threads (how often the GIL changes hands), and an I/O thread
 * beside one CPU-bound thread (how long it waits for the GIL after each call). A CPU loop iteration
 * costs exactly {@link IntervalWorkload#checkPointEvery}: its body computes for that long less the
 * back edge's one instruction. Thread-safe (no state).
 */
final class IntervalLab {
  static final String IO_THREAD = "io";
  static final String CPU_THREAD = "cpu";

  /** The back edge is one instruction, 50 ns at the interpreter's default cost. */
  private static final long BACK_EDGE = 50;

  private static final int RUNS = 12;
  private static final int IOS = 8;
  private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

  private IntervalLab() {}

  private static Interpreter.Builder interpreter(long interval) {
    return Interpreter.builder()
        .clock(Clock.virtual(1))
        .switchInterval(Duration.ofNanos(interval))
        .stderr(QUIET)
        .timeLimit(Duration.ofSeconds(60));
  }

  private static Runnable cpuLoop(long iterations, long checkPointEvery) {
    return () -> Eval.loop(iterations, i -> Work.cpuNanos(checkPointEvery - BACK_EDGE));
  }

  /** Hand-overs per second of two CPU-bound threads: one over their median run. */
  static double switchesPerSecond(long interval, IntervalWorkload w) {
    long every = w.checkPointEvery().toNanos();
    long iterations = RUNS * (interval / every + 2) / 2;
    try (Interpreter interp = interpreter(interval).build()) {
      interp.start("cpu-1", cpuLoop(iterations, every));
      interp.start("cpu-2", cpuLoop(iterations, every));
      interp.awaitThreads();
      // Each run ends in a hand-over, so the rate is one over the typical run; the median leaves
      // out the last runs, cut short when a thread ends.
      long[] runs =
          interp.trace().holds().stream().mapToLong(Trace.Hold::length).sorted().toArray();
      return 1e9 / runs[runs.length / 2];
    }
  }

  /** The median wait of the I/O thread for the GIL after a blocking call, beside a CPU thread. */
  static long convoyWait(long interval, IntervalWorkload w) {
    GilWaits waits = new GilWaits();
    try (Interpreter interp = interpreter(interval).build()) {
      interp.addListener(waits);
      convoy(interp, interval, w);
      interp.awaitThreads();
    }
    return median(waits.of(IO_THREAD));
  }

  /** Starts the convoy threads in {@code interp}: the CPU thread, and the I/O thread. */
  static void convoy(Interpreter interp, long interval, IntervalWorkload w) {
    long every = w.checkPointEvery().toNanos();
    long io = w.ioTime().toNanos();
    long iterations = (IOS + 2) * ((interval + io) / every + 3);
    interp.start(CPU_THREAD, cpuLoop(iterations, every));
    interp.start(
        IO_THREAD,
        () -> {
          for (int i = 0; i < IOS; i++) {
            Work.io(Duration.ofNanos(io));
            Eval.instructions(10);
          }
        });
  }

  /** The median of the waits after the first (which is the thread's start, not an I/O). */
  static long median(long[] waits) {
    long[] afterIo = Arrays.copyOfRange(waits, 1, waits.length);
    Arrays.sort(afterIo);
    return afterIo.length == 0 ? 0 : afterIo[afterIo.length / 2];
  }
}

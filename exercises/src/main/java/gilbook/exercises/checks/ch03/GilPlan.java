package gilbook.exercises.checks.ch03;

import gilbook.runtime.Clock;
import gilbook.runtime.Eval;
import gilbook.runtime.GilLock;
import gilbook.runtime.Interpreter;
import gilbook.runtime.PyThread;
import gilbook.runtime.Work;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One seeded workload for a learner's GIL: CPU-bound threads (loops whose body is a few
 * instructions and 2 to 8 µs of computation, a check point at each back edge), I/O threads (a
 * little Python, then blocking I/O that releases the GIL), started one after another by a driver
 * thread at seeded moments, and in some plans a change of the switch interval part-way ({@code
 * sys.setswitchinterval}). Immutable; {@link #run} builds one interpreter per call.
 *
 * @param interval the switch interval the interpreter starts with, in nanoseconds
 * @param cpuThreads how many CPU-bound threads
 * @param bodyNanos what each CPU loop body computes (with the GIL held) besides its instructions
 * @param cpuIterations iterations of each CPU loop
 * @param ioThreads how many I/O threads
 * @param ioNanos each I/O thread's blocking calls, in order
 * @param startGaps what the driver sleeps before starting each thread (CPU threads first)
 * @param jitter the interpreter's instruction-cost jitter
 * @param forceSwitching whether forced switching is on
 * @param changeAfter how much of its own computation the first CPU thread does before it changes
 *     the interval (while the other threads still have plenty to do); 0: never
 * @param newInterval the interval it changes to
 * @param seed the virtual clock's seed
 */
record GilPlan(
    long interval,
    int cpuThreads,
    long bodyNanos,
    long cpuIterations,
    int ioThreads,
    long[] ioNanos,
    long[] startGaps,
    double jitter,
    boolean forceSwitching,
    long changeAfter,
    long newInterval,
    long seed) {

  /**
   * The longest a thread of any plan runs between two check points (or until it drops the GIL for
   * I/O), with room for jitter: a CPU loop body, or an I/O thread's Python between two calls.
   */
  static final long CHECK_POINT_GAP = 20_000;

  private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

  /**
   * A mixed plan: 2 to 4 CPU threads, 0 to 2 I/O threads, and an interval change: to a longer
   * interval if {@code change} is above 0 (a GIL that ignores it asks too early), to a shorter one
   * if below (it asks too late), none if 0.
   */
  static GilPlan mixed(SplittableRandom r, boolean forceSwitching, int change) {
    long interval = 10_000 * r.nextLong(40, 250); // 0.4 to 2.5 ms
    int cpu = r.nextInt(2, 5);
    int io = r.nextInt(0, 3);
    long body = 100 * r.nextLong(20, 80);
    long iterations = r.nextLong(10, 20) * interval / body;
    long[] ios = new long[r.nextInt(4, 12)];
    for (int i = 0; i < ios.length; i++) {
      ios[i] = 1_000 * r.nextLong(60, 3_000);
    }
    long[] gaps = new long[cpu + io];
    for (int i = 0; i < gaps.length; i++) {
      gaps[i] = i == 0 ? 0 : 1_000 * r.nextLong(0, 3 * interval / 2_000);
    }
    long changeAfter =
        change != 0 ? 1_000 * r.nextLong(2 * interval / 1_000, 4 * interval / 1_000) : 0;
    // At least 2.5 times shorter or longer: a GIL that ignores the change is seen at once.
    long newInterval =
        change < 0
            ? Math.max(100_000, interval * 10 / r.nextLong(25, 40))
            : interval * r.nextLong(25, 40) / 10;
    return new GilPlan(
        interval,
        cpu,
        body,
        iterations,
        io,
        ios,
        gaps,
        0.05 * r.nextInt(0, 7),
        forceSwitching,
        changeAfter,
        newInterval,
        r.nextLong(1, 1_000_000));
  }

  /** Two CPU-bound threads started together, and nothing else: the switch cadence. */
  static GilPlan twoCpuThreads(SplittableRandom r) {
    long interval = 10_000 * r.nextLong(40, 300); // 0.4 to 3 ms
    long body = 100 * r.nextLong(20, 80);
    long iterations = r.nextLong(12, 20) * interval / body;
    return new GilPlan(
        interval,
        2,
        body,
        iterations,
        0,
        new long[0],
        new long[] {0, 0},
        0.05 * r.nextInt(0, 5),
        true,
        0,
        interval,
        r.nextLong(1, 1_000_000));
  }

  /** The plan in words, for a failure message. */
  String describe() {
    StringBuilder s =
        new StringBuilder(
            String.format("%d CPU-bound thread%s", cpuThreads, cpuThreads == 1 ? "" : "s"));
    if (ioThreads > 0) {
      s.append(String.format(" and %d I/O thread%s", ioThreads, ioThreads == 1 ? "" : "s"));
    }
    s.append(", switch interval ").append(Lesson.span(interval));
    if (changeAfter > 0) {
      s.append(" changed to ").append(Lesson.span(newInterval)).append(" part-way");
    }
    s.append(forceSwitching ? ", forced switching on" : ", forced switching off");
    return s.toString();
  }

  /** The threads' names, CPU threads first, in the order the driver starts them. */
  List<String> threadNames() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < cpuThreads; i++) {
      names.add("cpu-" + (i + 1));
    }
    for (int i = 0; i < ioThreads; i++) {
      names.add("io-" + (i + 1));
    }
    return names;
  }

  /**
   * Builds one interpreter with {@code gil} and runs the plan in it to the end (or until it fails).
   * Never throws for what the learner's GIL does: that is in the {@link GilRun}.
   */
  GilRun run(GilLock.Factory gil) {
    AtomicLong changedAt = new AtomicLong(-1);
    AtomicReference<String> endState = new AtomicReference<>();
    Interpreter interp;
    try {
      interp =
          Interpreter.builder()
              .clock(Clock.virtual(seed))
              .switchInterval(Duration.ofNanos(interval))
              .forceSwitching(forceSwitching)
              .jitter(jitter)
              .gil(gil)
              .stderr(QUIET)
              .timeLimit(Duration.ofSeconds(5))
              .realTimeLimit(Duration.ofSeconds(20))
              .shutdownTimeout(Duration.ofMillis(200))
              .build();
    } catch (RuntimeException e) {
      return GilRun.notBuilt(this, e);
    }
    Throwable raised = null;
    try {
      interp.start("driver", () -> drive(interp, changedAt, endState));
      interp.awaitThreads();
    } catch (RuntimeException | Error e) {
      raised = e;
    }
    return GilRun.of(this, interp, raised, changedAt.get(), endState.get());
  }

  /**
   * Starts the threads at their moments, joins every thread, sleeps a little (so it takes the GIL
   * back with nobody else about), and then, holding the GIL, compares what the GIL says about
   * itself with the trace. (Asked from inside the simulation, because a GIL may lock its own mutex
   * to answer.)
   */
  private void drive(Interpreter interp, AtomicLong changedAt, AtomicReference<String> endState) {
    List<String> names = threadNames();
    List<PyThread> threads = new ArrayList<>();
    long startAt = 0;
    for (int i = 0; i < names.size(); i++) {
      startAt += startGaps[i];
      sleepUntil(interp, startAt);
      Runnable body =
          i == 0
              ? () -> compute(interp, changedAt)
              : i < cpuThreads ? () -> compute(null, null) : this::doIo;
      threads.add(interp.start(names.get(i), body));
    }
    for (PyThread t : threads) {
      t.join();
    }
    // Alone now, the driver drops the GIL and takes it back: a re-take, which is no switch.
    Work.sleep(Duration.ofNanos(10_000));
    endState.set(GilRun.endState(interp.gil(), interp.trace().events()));
  }

  private static void sleepUntil(Interpreter interp, long at) {
    long now = interp.clock().nanoTime();
    if (at > now) {
      Work.sleep(Duration.ofNanos(at - now));
    }
  }

  /**
   * A CPU loop; the first CPU thread ({@code interp} not null) changes the interval part-way, as
   * {@code sys.setswitchinterval} would, holding the GIL, so the change comes when the plan says
   * whoever else is waiting.
   */
  private void compute(Interpreter interp, AtomicLong changedAt) {
    long changeAt = interp != null && changeAfter > 0 ? changeAfter / bodyNanos : -1;
    Eval.loop(
        cpuIterations,
        i -> {
          Eval.instructions(3);
          Work.cpuNanos(bodyNanos);
          if (i == changeAt) {
            interp.setSwitchInterval(Duration.ofNanos(newInterval));
            changedAt.set(interp.clock().nanoTime());
          }
        });
  }

  private void doIo() {
    for (long nanos : ioNanos) {
      Eval.instructions(20);
      Work.io(Duration.ofNanos(nanos));
    }
  }
}

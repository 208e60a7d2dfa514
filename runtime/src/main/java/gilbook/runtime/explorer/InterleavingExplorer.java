package gilbook.runtime.explorer;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Runs every interleaving, or a random sample of them, of several threads' INCREF and DECREF
 * micro-steps on one shared object, and reports what each does to the reference count.
 *
 * <p>With the GIL off, {@code Py_INCREF} and {@code Py_DECREF} on a plain {@code ob_refcnt} field
 * are three micro-steps each (LOAD, ADD, STORE), and another thread may run between any two. When
 * two operations' LOAD..STORE windows overlap, one STORE overwrites the other's update. A lost
 * DECREF leaves the count too high (a {@link Outcome#LEAK}); a lost INCREF leaves it too low, and
 * the object is freed while a reference is still held ({@link Outcome#PREMATURE_FREE}), after which
 * any use of it is a use after free.
 *
 * <pre>{@code
 * InterleavingExplorer explorer =
 *     InterleavingExplorer.builder()
 *         .thread("T1", RefOp.INCREF)
 *         .thread("T2", RefOp.DECREF)
 *         .build();
 * ExplorationResult result = explorer.explore();
 * System.out.println(result.summary());
 * result.firstLosing().ifPresent(schedule -> System.out.println(schedule.describe()));
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe; {@link #explore()} and {@link #sample(long, int)}
 * return fresh results and can run concurrently.
 */
public final class InterleavingExplorer {

  /** The default for {@link Builder#exhaustiveLimit(long)}. */
  public static final long DEFAULT_EXHAUSTIVE_LIMIT = 1_000_000;

  /** The largest allowed {@link Builder#initialRefcount(int)}. */
  public static final int MAX_INITIAL_REFCOUNT = 1_000_000;

  private static final int LOCK_STEPS_PER_OPERATION = 2;

  private final List<String> threadNames;
  private final List<ThreadProgram> threads;
  private final int initialRefcount;
  private final long exhaustiveLimit;
  private final boolean locked;
  private final Simulator simulator;
  private final int[] unitsPerThread;
  private final BigInteger scheduleCount;

  private InterleavingExplorer(Builder builder, List<ThreadProgram> threads) {
    this.threadNames = threads.stream().map(ThreadProgram::name).toList();
    this.threads = List.copyOf(threads);
    this.initialRefcount = builder.initialRefcount;
    this.exhaustiveLimit = builder.exhaustiveLimit;
    this.locked = builder.withLock;
    this.simulator = new Simulator(threads, initialRefcount, locked);
    this.unitsPerThread = simulator.unitsPerThread();
    this.scheduleCount = Interleavings.count(unitsPerThread);
  }

  /** Returns a builder with an initial count of 1, no threads and no lock. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the thread names, in the order they were added. */
  public List<String> threadNames() {
    return threadNames;
  }

  /**
   * Returns the operations the named thread runs, in program order.
   *
   * @throws IllegalArgumentException if no thread has that name
   */
  public List<RefOp> ops(String thread) {
    return threads.get(indexOf(thread, "ops")).ops();
  }

  /**
   * Returns the setup in one line, such as {@code "start: ob_refcnt = 1; T1 runs INCREF; T2 runs
   * DECREF"}.
   */
  public String describeSetup() {
    return simulator.setup();
  }

  /** Returns how many micro-steps the named thread runs: 3 per operation, or 5 with the lock. */
  public int stepsOf(String thread) {
    return threads.get(indexOf(thread, "stepsOf")).ops().size() * simulator.stepsPerOperation();
  }

  /**
   * Replays one order of micro-steps and reports what each step did and whether the object was
   * freed while a reference to it was still held.
   *
   * <p>{@code threadOrder} names, for each micro-step in turn, the thread that runs it; that thread
   * runs its next step. It may stop before every thread is done: a prefix of a schedule is a
   * partial replay. With the lock, every entry is still one micro-step, and a thread cannot be
   * named for its ACQUIRE while another thread holds the lock.
   *
   * @throws IllegalArgumentException if a name is not one of {@link #threadNames()}, if a thread is
   *     named more often than it has micro-steps ({@link #stepsOf(String)}), or if a thread is
   *     named to take the lock another thread holds
   */
  public Replay replay(List<String> threadOrder) {
    if (threadOrder == null) {
      throw new IllegalArgumentException(
          "replay needs a list of thread names, one per micro-step; it was null");
    }
    int[] order = new int[threadOrder.size()];
    int[] used = new int[threads.size()];
    for (int i = 0; i < order.length; i++) {
      String name = threadOrder.get(i);
      int thread = threadNames.indexOf(name);
      if (thread < 0) {
        throw new IllegalArgumentException(
            "step "
                + (i + 1)
                + " names "
                + (name == null ? "null" : "\"" + name + "\"")
                + ", which is not a thread of this explorer; its threads are "
                + threadNames);
      }
      int steps = threads.get(thread).ops().size() * simulator.stepsPerOperation();
      if (++used[thread] > steps) {
        throw new IllegalArgumentException(
            "step "
                + (i + 1)
                + " names "
                + name
                + " for its step #"
                + used[thread]
                + ", but "
                + name
                + " has only "
                + Words.count(steps, "micro-step")
                + " ("
                + Words.count(threads.get(thread).ops().size(), "operation")
                + " of "
                + simulator.stepsPerOperation()
                + ")");
      }
      order[i] = thread;
    }
    return simulator.replay(order);
  }

  private int indexOf(String thread, String method) {
    int index = threadNames.indexOf(thread);
    if (index < 0) {
      throw new IllegalArgumentException(
          method
              + ": \""
              + thread
              + "\" is not a thread of this explorer; its threads are "
              + threadNames);
    }
    return index;
  }

  /** Returns {@code ob_refcnt} before any step runs. */
  public int initialRefcount() {
    return initialRefcount;
  }

  /** Returns the count every schedule should end with: the initial count plus every delta. */
  public int expectedRefcount() {
    return simulator.expectedRefcount();
  }

  /** Returns whether each operation holds a lock, so that its micro-steps run as a unit. */
  public boolean locked() {
    return locked;
  }

  /**
   * Returns the micro-steps the lock adds to each operation: 2 (ACQUIRE and RELEASE) with the lock,
   * 0 without it.
   */
  public int extraStepsPerOperation() {
    return locked ? LOCK_STEPS_PER_OPERATION : 0;
  }

  /** Returns how many micro-steps one schedule has, lock steps included. */
  public int stepsPerSchedule() {
    return simulator.stepsPerSchedule();
  }

  /** Returns the largest schedule count {@link #explore()} accepts. */
  public long exhaustiveLimit() {
    return exhaustiveLimit;
  }

  /**
   * Returns how many distinct schedules there are: the multinomial coefficient of the threads' step
   * counts (their operation counts, with the lock).
   */
  public BigInteger scheduleCount() {
    return scheduleCount;
  }

  /**
   * Runs every schedule once, in lexicographic order of thread indices.
   *
   * <p>Schedule 1 runs the threads one after another in the order they were added.
   *
   * @throws IllegalArgumentException if {@link #scheduleCount()} exceeds the exhaustive limit
   */
  public ExplorationResult explore() {
    if (scheduleCount.compareTo(BigInteger.valueOf(exhaustiveLimit)) > 0) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "explore() would run %,d schedules, more than the exhaustiveLimit of %,d;"
                  + " call sample(seed, n) to run n random schedules instead,"
                  + " or raise exhaustiveLimit in the builder",
              scheduleCount,
              exhaustiveLimit));
    }
    ExplorationResult.Collector collector = ExplorationResult.Collector.exhaustive();
    String of = " of " + scheduleCount;
    int[] order = Interleavings.first(unitsPerThread);
    long number = 0;
    do {
      number++;
      record(collector, order, number, "Schedule " + number + of);
    } while (Interleavings.next(order));
    return collector.result();
  }

  /**
   * Runs {@code schedules} random schedules, each drawn uniformly from all schedules.
   *
   * <p>The same seed gives the same schedules. A schedule can be drawn more than once.
   *
   * @throws IllegalArgumentException if {@code schedules} is less than 1
   */
  public ExplorationResult sample(long seed, int schedules) {
    if (schedules < 1) {
      throw new IllegalArgumentException("schedules must be at least 1, was " + schedules);
    }
    ExplorationResult.Collector collector = ExplorationResult.Collector.sample(seed);
    SplittableRandom random = new SplittableRandom(seed);
    String of = " of " + schedules + " (seed " + seed + ")";
    for (int number = 1; number <= schedules; number++) {
      record(
          collector, Interleavings.random(unitsPerThread, random), number, "Sample " + number + of);
    }
    return collector.result();
  }

  private void record(
      ExplorationResult.Collector collector, int[] order, long number, String title) {
    Outcome outcome = simulator.outcome(order);
    if (collector.keeps(outcome)) {
      collector.keep(simulator.schedule(order, number, title));
    }
    collector.count(outcome);
  }

  /**
   * Configures an {@link InterleavingExplorer}; {@link #build()} checks every setting.
   *
   * <p>Not thread-safe.
   */
  public static final class Builder {

    private int initialRefcount = 1;
    private long exhaustiveLimit = DEFAULT_EXHAUSTIVE_LIMIT;
    private boolean withLock;
    private final List<String> names = new ArrayList<>();
    private final List<RefOp[]> operations = new ArrayList<>();

    private Builder() {}

    /**
     * Sets {@code ob_refcnt} before any step runs: from 1 to {@value
     * InterleavingExplorer#MAX_INITIAL_REFCOUNT}, default 1.
     */
    public Builder initialRefcount(int initialRefcount) {
      this.initialRefcount = initialRefcount;
      return this;
    }

    /**
     * Adds a thread that runs {@code ops} in order; the name must be unique and not blank, and at
     * least one operation is needed.
     */
    public Builder thread(String name, RefOp... ops) {
      names.add(name);
      operations.add(ops == null ? null : ops.clone());
      return this;
    }

    /**
     * Sets the largest schedule count {@link InterleavingExplorer#explore()} accepts: at least 1,
     * default {@value InterleavingExplorer#DEFAULT_EXHAUSTIVE_LIMIT}.
     */
    public Builder exhaustiveLimit(long exhaustiveLimit) {
      this.exhaustiveLimit = exhaustiveLimit;
      return this;
    }

    /**
     * Sets whether each operation holds one lock, so that its micro-steps run as a unit and only
     * whole operations interleave; default {@code false}.
     */
    public Builder withLock(boolean withLock) {
      this.withLock = withLock;
      return this;
    }

    /**
     * Checks the settings and returns the explorer.
     *
     * @throws IllegalArgumentException naming the setting that is wrong and what it allows
     */
    public InterleavingExplorer build() {
      if (initialRefcount < 1 || initialRefcount > MAX_INITIAL_REFCOUNT) {
        throw new IllegalArgumentException(
            "initialRefcount must be between 1 and "
                + MAX_INITIAL_REFCOUNT
                + ", was "
                + initialRefcount
                + " (a live object holds at least one reference)");
      }
      if (exhaustiveLimit < 1) {
        throw new IllegalArgumentException(
            "exhaustiveLimit must be at least 1, was " + exhaustiveLimit);
      }
      if (names.isEmpty()) {
        throw new IllegalArgumentException(
            "thread: at least one thread is needed; add one with thread(\"T1\", RefOp.INCREF)");
      }
      List<ThreadProgram> threads = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      int increfs = 0;
      int decrefs = 0;
      for (int i = 0; i < names.size(); i++) {
        ThreadProgram program = checkedThread(i, seen);
        threads.add(program);
        for (RefOp op : program.ops()) {
          increfs += op == RefOp.INCREF ? 1 : 0;
          decrefs += op == RefOp.DECREF ? 1 : 0;
        }
      }
      if (initialRefcount + increfs - decrefs < 0) {
        throw new IllegalArgumentException(
            "initialRefcount "
                + initialRefcount
                + " is too small for "
                + Words.count(decrefs, "DECREF")
                + " and "
                + Words.count(increfs, "INCREF")
                + ": the count would end at "
                + (initialRefcount + increfs - decrefs)
                + "; use initialRefcount("
                + (decrefs - increfs)
                + ") or more");
      }
      return new InterleavingExplorer(this, threads);
    }

    private ThreadProgram checkedThread(int index, Set<String> seen) {
      String name = names.get(index);
      String which = "thread #" + (index + 1);
      if (name == null) {
        throw new IllegalArgumentException("thread name must not be null (" + which + ")");
      }
      if (name.isBlank()) {
        throw new IllegalArgumentException(
            "thread name must not be blank (" + which + ", was \"" + name + "\")");
      }
      if (!seen.add(name)) {
        throw new IllegalArgumentException(
            "thread names must be unique: \"" + name + "\" is used twice (" + which + ")");
      }
      RefOp[] ops = operations.get(index);
      if (ops == null || ops.length == 0) {
        throw new IllegalArgumentException(
            "thread \"" + name + "\" needs at least one op (RefOp.INCREF or RefOp.DECREF)");
      }
      for (int i = 0; i < ops.length; i++) {
        if (ops[i] == null) {
          throw new IllegalArgumentException(
              "thread \""
                  + name
                  + "\" op #"
                  + (i + 1)
                  + " must not be null: "
                  + Arrays.toString(ops));
        }
      }
      return new ThreadProgram(name, List.of(ops));
    }
  }
}

package gilbook.runtime.internal;

import gilbook.runtime.Cond;
import gilbook.runtime.Mutex;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/*
 Notes about the implementation:

 - This is a discrete-event simulation of a multi-core machine. Every Python thread is a real Java
   thread, but only one of them runs at a time: the one holding the turn (`running`). The others
   are parked in awaitTurn(). So scheduler state needs no clever concurrency; `lock` is held for
   short sections only to publish changes to the next thread that runs, and to the outside
   "driver" thread that waits in awaitThreads().

 - Each thread has its own clock, `now`. A thread that is ready to run has a wake time; a thread
   blocked on a condition with a timeout has a deadline. The scheduler always hands the turn to the
   thread with the earliest such time. Ties are broken with the seeded random source, which is the
   only place (besides instruction jitter and condition signals) where the seed matters.

 - The running thread advances its own clock: by one instruction cost per instruction, or by a
   whole Work.cpu duration. As soon as its clock passes `nextEventAt`, the earliest pending event
   of any other thread, it hands the turn over (preempt). This keeps events in time order, so a
   thread sees exactly what it would see if every thread ran in parallel on its own core. On a tie
   the running thread keeps going; otherwise two threads at the same instant would hand the turn
   back and forth for ever.

 - Mutexes and condition variables are scheduler objects. Waiting parks the Java thread and marks
   the Python thread BLOCKED; a signal makes one waiter READY at the signaller's time. So a GIL
   hand-off synchronises the two threads' clocks, as the design asks.

 - Cores: Work.cpu reserves the core that frees up first, so N+1 threads computing at once on N
   cores take longer. Bytecode instructions are charged to the thread's clock only: the GIL
   already lets one thread at a time run them.

 - Lookahead (free-threaded mode only): with the GIL off, two threads run instructions at the same
   time, so with exact time order they would hand the turn back and forth after every instruction
   (a park/unpark each, far too slow for 100k-instruction runs). Settings.lookaheadNanos lets the
   running thread go on for that much virtual time past another thread's pending event before it
   hands over, for instructions only (Work.cpu, sleeps and waits stay exact). Each thread still
   charges its own clock, so the makespan is unchanged; what changes is only the grain of the
   interleaving: events of other threads inside the window are seen up to one quantum late. With
   the GIL on the lookahead is 0 and nothing changes.

 - Deadlock: if no thread can ever run again, the run ends with a report. A wait for the GIL
   always has a timeout (the switch interval), so a thread stuck in take_gil would retry for ever;
   such waits are flagged and do not count as progress.

 - Nothing here may hang the caller: awaitThreads() takes a real-time timeout, and kill() marks
   every thread so that the next time it touches the scheduler (or its next instruction) it unwinds
   with ThreadKilled.
*/

/** The deterministic clock behind {@code Clock.virtual(seed)}. Thread-safe. Not API. */
public final class VirtualClock implements ClockEngine {

  private enum State {
    READY,
    RUNNING,
    BLOCKED,
    FINISHED
  }

  private final long seed;
  private final SplittableRandom random;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition stopped = lock.newCondition();
  private final ThreadLocal<SimThread> current = new ThreadLocal<>();
  private final List<SimThread> live = new ArrayList<>();

  private Settings settings;
  private Object builder;
  private long[] coreFreeAt;
  private SimThread running;
  private int nonDaemonAlive;
  private long latest;
  private long nextSeq;
  private RunEnd terminalEnd;

  /** Earliest pending event of any thread but the running one, or the time limit. */
  private volatile long nextEventAt = Long.MAX_VALUE;

  public VirtualClock(long seed) {
    this.seed = seed;
    this.random = new SplittableRandom(seed);
  }

  public long seed() {
    return seed;
  }

  @Override
  public boolean isVirtual() {
    return true;
  }

  @Override
  public void configure(Settings settings, Object builder) {
    lock.lock();
    try {
      if (this.settings != null) {
        throw new IllegalStateException(
            "this virtual clock already belongs to an interpreter; give each interpreter its own"
                + " Clock.virtual(seed)");
      }
      this.settings = settings;
      this.builder = builder;
      this.coreFreeAt = new long[settings.cores()];
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Object builder() {
    lock.lock();
    try {
      return builder;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public ClockEngine twin() {
    return new VirtualClock(seed);
  }

  @Override
  public long nanoTime() {
    SimThread self = current.get();
    if (self != null) {
      return self.now;
    }
    lock.lock();
    try {
      return latest;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public ClockThread currentThread() {
    return current.get();
  }

  // ---------------------------------------------------------------- threads

  @Override
  public ClockThread startThread(
      String name, boolean daemon, PythonThreads.Family family, Consumer<ClockThread> body) {
    SimThread parent = current.get();
    lock.lock();
    SimThread t;
    try {
      if (parent == null && running != null) {
        throw new IllegalStateException(
            "a thread outside the simulation cannot start Python thread "
                + name
                + " while the simulation runs; start it from a Python thread instead");
      }
      long startAt = parent != null ? parent.now : latest;
      t = new SimThread(name, daemon, nextSeq++, random.split(), startAt);
      live.add(t);
      if (!daemon) {
        nonDaemonAlive++;
      }
      if (parent != null) {
        makeReady(t, startAt);
      }
    } finally {
      lock.unlock();
    }
    // Nobody hands the new thread a turn before this returns: the parent keeps the turn until then,
    // and from outside the run starts in awaitThreads(). Only kill() may unpark it earlier, so the
    // thread publishes itself before it first looks at its flags (both fields are volatile).
    SimThread handle = t;
    t.java =
        PythonThreads.start(
            name,
            family,
            () -> {
              handle.java = Thread.currentThread();
              body.accept(handle);
            });
    return t;
  }

  @Override
  public void enter(ClockThread thread) {
    SimThread self = (SimThread) thread;
    current.set(self);
    awaitTurn(self);
  }

  @Override
  public void exit(ClockThread thread) {
    SimThread self = (SimThread) thread;
    current.remove();
    lock.lock();
    if (self.state == State.FINISHED) {
      lock.unlock();
      return;
    }
    retire(self);
    if (self.killed || running != self) {
      lock.unlock();
      return;
    }
    reschedule(self);
  }

  private void retire(SimThread self) {
    self.state = State.FINISHED;
    live.remove(self);
    if (!self.daemon) {
      nonDaemonAlive--;
    }
    latest = Math.max(latest, self.now);
  }

  @Override
  public RunEnd awaitThreads(long realTimeoutNanos) {
    if (current.get() != null) {
      throw new IllegalStateException(
          "a Python thread cannot wait for the whole simulation; use PyThread.join() instead");
    }
    long deadline = saturatedAdd(System.nanoTime(), realTimeoutNanos);
    lock.lock();
    try {
      if (terminalEnd != null) {
        return terminalEnd;
      }
      if (running == null) {
        SimThread next = decideNext();
        if (next == null) {
          return terminalEnd != null ? terminalEnd : finished();
        }
        activate(next);
        handTurn(next);
      }
      while (running != null) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return new RunEnd(
              RunEnd.Kind.TIMED_OUT,
              "the simulation was still running after "
                  + TimeUnit.NANOSECONDS.toMillis(realTimeoutNanos)
                  + " ms of real time; live threads: "
                  + String.join("; ", describeLocked()));
        }
        stopped.awaitNanos(left);
      }
      return terminalEnd != null ? terminalEnd : finished();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new RunEnd(RunEnd.Kind.TIMED_OUT, "interrupted while waiting for the simulation");
    } finally {
      lock.unlock();
    }
  }

  private static RunEnd finished() {
    return new RunEnd(RunEnd.Kind.FINISHED, "");
  }

  @Override
  public void kill() {
    lock.lock();
    try {
      for (SimThread t : live) {
        t.killed = true;
        LockSupport.unpark(t.java);
      }
      nextEventAt = Long.MIN_VALUE;
      running = null;
      stopped.signalAll();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public List<String> describeLiveThreads() {
    lock.lock();
    try {
      return describeLocked();
    } finally {
      lock.unlock();
    }
  }

  private List<String> describeLocked() {
    List<String> out = new ArrayList<>();
    for (SimThread t : live) {
      out.add(t.describe());
    }
    return out;
  }

  // ---------------------------------------------------------------- scheduling core

  /** Picks the thread with the earliest pending event, or ends the run. Lock held. */
  private SimThread decideNext() {
    if (nonDaemonAlive == 0) {
      return null;
    }
    long best = Long.MAX_VALUE;
    int ties = 0;
    boolean onlyGilWaiters = true;
    for (SimThread t : live) {
      long at = t.eventTime();
      if (at == Long.MAX_VALUE) {
        continue;
      }
      if (t.state == State.READY || !t.waitingForGil) {
        onlyGilWaiters = false;
      }
      if (at < best) {
        best = at;
        ties = 1;
      } else if (at == best) {
        ties++;
      }
    }
    if (best == Long.MAX_VALUE || onlyGilWaiters) {
      stopAll(new RunEnd(RunEnd.Kind.DEADLOCK, deadlockReport()));
      return null;
    }
    int pick = ties == 1 ? 0 : random.nextInt(ties);
    for (SimThread t : live) {
      if (t.eventTime() == best && pick-- == 0) {
        return t;
      }
    }
    throw new AssertionError("scheduler lost its candidate");
  }

  private String deadlockReport() {
    StringBuilder sb = new StringBuilder("deadlock: no thread can make progress.");
    for (SimThread t : live) {
      sb.append("\n  ").append(t.describe());
    }
    return sb.toString();
  }

  /** Gives {@code next} the turn. Lock held. */
  private void activate(SimThread next) {
    next.now = Math.max(next.now, next.wakeAt);
    if (next.state == State.BLOCKED) {
      next.signalled = false; // woken by its deadline, not by a signal
    }
    next.state = State.RUNNING;
    running = next;
    long earliest = settings.timeLimitNanos();
    for (SimThread t : live) {
      if (t != next) {
        earliest = Math.min(earliest, t.eventTime());
      }
    }
    nextEventAt = earliest;
  }

  /** Makes a blocked or new thread runnable at time {@code at}. Lock held. */
  private void makeReady(SimThread t, long at) {
    t.state = State.READY;
    t.wakeAt = Math.max(t.now, at);
    if (t.wakeAt < nextEventAt) {
      nextEventAt = t.wakeAt;
    }
  }

  /**
   * The calling (running) thread gives up the turn after setting its own state. Entered with the
   * lock held; returns with it released, once the calling thread has the turn again.
   */
  private void reschedule(SimThread self) {
    SimThread next;
    try {
      latest = Math.max(latest, self.now);
      next = decideNext();
      if (next == null) {
        running = null;
        stopped.signalAll();
      } else {
        activate(next);
      }
    } finally {
      lock.unlock();
    }
    if (next == self) {
      return;
    }
    if (next != null) {
      handTurn(next);
    }
    if (self.state != State.FINISHED) {
      awaitTurn(self);
    }
  }

  private void stopAll(RunEnd end) {
    terminalEnd = end;
    for (SimThread t : live) {
      t.killed = true;
      LockSupport.unpark(t.java);
    }
    running = null;
    stopped.signalAll();
  }

  private static void handTurn(SimThread next) {
    next.turn = true;
    LockSupport.unpark(next.java);
  }

  private static void awaitTurn(SimThread self) {
    while (!self.turn && !self.killed) {
      LockSupport.park(self);
    }
    self.turn = false;
    if (self.killed) {
      throw new ThreadKilled(self.name);
    }
  }

  private void preempt(SimThread self) {
    lock.lock();
    if (self.killed) {
      lock.unlock();
      throw new ThreadKilled(self.name);
    }
    if (self.now > settings.timeLimitNanos()) {
      String report =
          "time limit: thread "
              + self.name
              + " reached "
              + formatMillis(self.now)
              + " of virtual time, past the limit of "
              + formatMillis(settings.timeLimitNanos());
      self.killed = true;
      stopAll(new RunEnd(RunEnd.Kind.TIME_LIMIT, report));
      lock.unlock();
      throw new ThreadKilled(self.name, report);
    }
    self.state = State.READY;
    self.wakeAt = self.now;
    reschedule(self);
  }

  private SimThread self() {
    SimThread self = current.get();
    if (self == null) {
      throw new IllegalStateException(
          "only a Python thread can wait on a simulated mutex or condition; this is Java thread "
              + Thread.currentThread().getName());
    }
    if (self.killed) {
      throw new ThreadKilled(self.name);
    }
    return self;
  }

  static String formatMillis(long nanos) {
    return String.format("%.3f ms", nanos / 1e6);
  }

  private static long saturatedAdd(long a, long b) {
    long r = a + b;
    return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
  }

  // ---------------------------------------------------------------- time

  private long cpu(SimThread self, long nanos) {
    lock.lock();
    int core = 0;
    for (int c = 1; c < coreFreeAt.length; c++) {
      if (coreFreeAt[c] < coreFreeAt[core]) {
        core = c;
      }
    }
    long start = Math.max(self.now, coreFreeAt[core]);
    self.now = saturatedAdd(start, nanos);
    coreFreeAt[core] = self.now;
    lock.unlock();
    if (self.now > nextEventAt) {
      preempt(self);
    }
    return start;
  }

  private void sleep(SimThread self, long nanos) {
    lock.lock();
    if (self.killed) {
      lock.unlock();
      throw new ThreadKilled(self.name);
    }
    self.state = State.READY;
    self.wakeAt = saturatedAdd(self.now, nanos);
    reschedule(self);
  }

  // ---------------------------------------------------------------- mutex and condition

  @Override
  public Mutex newMutex(String name) {
    return new SimMutex(Objects.requireNonNull(name, "name must not be null"));
  }

  @Override
  public Cond newCond(String name, Mutex mutex) {
    Objects.requireNonNull(name, "name must not be null");
    if (!(mutex instanceof SimMutex)) {
      throw new IllegalArgumentException(
          "condition " + name + " needs a mutex made by the same virtual clock");
    }
    return new SimCond(name, (SimMutex) mutex);
  }

  private final class SimMutex implements Mutex {
    private final String name;
    private final ArrayDeque<SimThread> waiters = new ArrayDeque<>();
    private SimThread owner;

    SimMutex(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public void lock() {
      SimThread self = self();
      lock.lock();
      if (owner == null) {
        owner = self;
        lock.unlock();
        return;
      }
      if (owner == self) {
        lock.unlock();
        throw new IllegalStateException(
            "thread " + self.name + " already holds mutex " + name + ", which is not reentrant");
      }
      waiters.add(self);
      self.block("mutex " + name + " (held by " + owner.name + ")", Long.MAX_VALUE);
      reschedule(self);
      // unlockLocked() handed the mutex to us before making us ready.
    }

    @Override
    public void unlock() {
      SimThread self = self();
      lock.lock();
      try {
        unlockLocked(self);
      } finally {
        lock.unlock();
      }
    }

    void unlockLocked(SimThread self) {
      if (owner != self) {
        throw new IllegalStateException(
            "thread "
                + self.name
                + " unlocked mutex "
                + name
                + ", which "
                + (owner == null ? "nobody holds" : "is held by " + owner.name));
      }
      SimThread next = waiters.poll();
      owner = next;
      if (next != null) {
        makeReady(next, self.now);
      }
    }
  }

  private final class SimCond implements Cond {
    private final String name;
    private final SimMutex mutex;
    private final List<SimThread> waiters = new ArrayList<>();

    SimCond(String name, SimMutex mutex) {
      this.name = name;
      this.mutex = mutex;
    }

    @Override
    public void await() {
      waitUntil(Long.MAX_VALUE);
    }

    @Override
    public boolean timedWait(long nanos) {
      if (nanos < 0) {
        throw new IllegalArgumentException("timeout must be >= 0, got " + nanos);
      }
      return waitUntil(nanos);
    }

    private boolean waitUntil(long nanos) {
      SimThread self = self();
      lock.lock();
      try {
        mutex.unlockLocked(self);
      } catch (RuntimeException e) {
        lock.unlock();
        throw e;
      }
      waiters.add(self);
      long deadline = nanos == Long.MAX_VALUE ? Long.MAX_VALUE : saturatedAdd(self.now, nanos);
      self.block("condition " + name, deadline);
      reschedule(self);
      lock.lock();
      boolean timedOut = !self.signalled;
      if (timedOut) {
        waiters.remove(self);
      }
      lock.unlock();
      mutex.lock();
      return timedOut;
    }

    @Override
    public void signal() {
      SimThread self = self();
      lock.lock();
      try {
        if (!waiters.isEmpty()) {
          int i = waiters.size() == 1 ? 0 : random.nextInt(waiters.size());
          wake(waiters.remove(i), self);
        }
      } finally {
        lock.unlock();
      }
    }

    @Override
    public void broadcast() {
      SimThread self = self();
      lock.lock();
      try {
        for (SimThread w : waiters) {
          wake(w, self);
        }
        waiters.clear();
      } finally {
        lock.unlock();
      }
    }

    private void wake(SimThread waiter, SimThread by) {
      waiter.signalled = true;
      makeReady(waiter, by.now);
    }
  }

  // ---------------------------------------------------------------- one simulated thread

  private final class SimThread implements ClockThread {
    final String name;
    final boolean daemon;
    final long seq;
    final SplittableRandom jitterRandom;
    final long instructionCost;
    final double jitter;
    final long lookahead;
    volatile Thread java;

    long now;
    long wakeAt;
    State state;
    boolean signalled;
    String blockedOn = "its first turn";
    String waitingFor;
    boolean waitingForGil;
    volatile boolean turn;
    volatile boolean killed;

    SimThread(String name, boolean daemon, long seq, SplittableRandom jitterRandom, long startAt) {
      this.name = name;
      this.daemon = daemon;
      this.seq = seq;
      this.jitterRandom = jitterRandom;
      this.instructionCost = settings.instructionCostNanos();
      this.jitter = settings.jitter();
      this.lookahead = settings.lookaheadNanos();
      this.now = startAt;
      this.wakeAt = startAt;
      this.state = State.READY;
    }

    long eventTime() {
      return switch (state) {
        case READY, BLOCKED -> wakeAt;
        case RUNNING, FINISHED -> Long.MAX_VALUE;
      };
    }

    void block(String on, long deadline) {
      state = State.BLOCKED;
      blockedOn = on;
      wakeAt = deadline;
      signalled = false;
    }

    String describe() {
      String what = waitingFor != null ? waitingFor : blockedOn;
      return switch (state) {
        case RUNNING -> name + " is running (t=" + formatMillis(now) + ")";
        case READY -> name + " is ready to run (t=" + formatMillis(wakeAt) + ")";
        case BLOCKED -> name + " waits for " + what;
        case FINISHED -> name + " has finished";
      };
    }

    @Override
    public long now() {
      return now;
    }

    @Override
    public void instruction() {
      long cost = instructionCost;
      if (jitter > 0) {
        cost = Math.max(1, cost + (long) (cost * jitter * (2 * jitterRandom.nextDouble() - 1)));
      }
      now += cost;
      long next = nextEventAt;
      if (now > next && (lookahead == 0 || next == Long.MIN_VALUE || now - next > lookahead)) {
        preempt(this);
      }
    }

    @Override
    public long cpu(long nanos) {
      return VirtualClock.this.cpu(this, nanos);
    }

    @Override
    public void sleep(long nanos) {
      VirtualClock.this.sleep(this, nanos);
    }

    @Override
    public void waitingFor(String what, boolean gil) {
      this.waitingFor = what;
      this.waitingForGil = gil;
    }

    @Override
    public boolean killed() {
      return killed;
    }
  }
}

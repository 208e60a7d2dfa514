package gilbook.runtime.internal;

import gilbook.runtime.Cond;
import gilbook.runtime.Mutex;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The clock behind {@code Clock.real()}: {@code System.nanoTime}, real Java threads, and mutexes
 * and conditions from {@code java.util.concurrent}. Thread-safe. Not API.
 *
 * <p>Every Java thread it starts is a daemon, so a runaway Python thread can never keep the JVM
 * alive; Python's own daemon flag only decides whether {@link #awaitThreads(long)} waits for it.
 */
public final class RealClock implements ClockEngine {
  private final long epoch = System.nanoTime();
  private final ThreadLocal<RealThread> current = new ThreadLocal<>();
  private final Set<RealThread> live = ConcurrentHashMap.newKeySet();
  private final Watchdog watchdog = new Watchdog();

  /** How often the deadlock watchdog looks, in real milliseconds. */
  private static final long WATCHDOG_MILLIS = 100;

  /**
   * The deadlock watchdog for real time: every live thread waits for something only another thread
   * can give it (the GIL, a mutex, an untimed condition such as a lock, a join or a queue), and no
   * thread has moved on for several looks in a row. A sleeping thread, or a timed wait, ends by
   * itself, so it is never a deadlock.
   */
  private final class Watchdog {
    private static final int LOOKS = 5;
    private final java.util.Map<RealThread, Long> seen = new java.util.HashMap<>();
    private int stillLooks;

    String check(Set<RealThread> threads) {
      List<RealThread> alive = new ArrayList<>();
      for (RealThread t : threads) {
        if (t.alive()) {
          alive.add(t);
        }
      }
      boolean allStuck = !alive.isEmpty() && alive.stream().allMatch(RealThread::stuck);
      boolean moved = false;
      for (RealThread t : alive) {
        Long before = seen.put(t, t.progress);
        moved |= before == null || before != t.progress;
      }
      stillLooks = allStuck && !moved ? stillLooks + 1 : 0;
      if (stillLooks < LOOKS) {
        return null;
      }
      StringBuilder report = new StringBuilder("deadlock: no thread can make progress.");
      for (RealThread t : alive) {
        String what = t.waitingFor != null ? t.waitingFor : t.blockedOn;
        report.append("\n  ").append(t.name).append(" waits for ").append(what);
      }
      return report.toString();
    }
  }

  private volatile boolean configured;
  private volatile Object builder;

  @Override
  public boolean isVirtual() {
    return false;
  }

  @Override
  public synchronized void configure(Settings settings, Object builder) {
    if (configured) {
      throw new IllegalStateException(
          "this real clock already belongs to an interpreter; give each interpreter its own"
              + " Clock.real()");
    }
    configured = true;
    this.builder = builder;
  }

  @Override
  public Object builder() {
    return builder;
  }

  @Override
  public ClockEngine twin() {
    return new RealClock();
  }

  @Override
  public long nanoTime() {
    return System.nanoTime() - epoch;
  }

  @Override
  public ClockThread currentThread() {
    return current.get();
  }

  @Override
  public ClockThread startThread(
      String name, boolean daemon, PythonThreads.Family family, Consumer<ClockThread> body) {
    RealThread t = new RealThread(name, daemon);
    live.add(t);
    t.java =
        PythonThreads.start(
            name,
            family,
            () -> {
              t.java = Thread.currentThread();
              body.accept(t);
            });
    return t;
  }

  @Override
  public void enter(ClockThread thread) {
    current.set((RealThread) thread);
  }

  @Override
  public void exit(ClockThread thread) {
    current.remove();
    live.remove((RealThread) thread);
  }

  @Override
  public RunEnd awaitThreads(long realTimeoutNanos) {
    if (current.get() != null) {
      throw new IllegalStateException(
          "a Python thread cannot wait for the whole run; use PyThread.join() instead");
    }
    long deadline = System.nanoTime() + Math.min(realTimeoutNanos, Long.MAX_VALUE / 4);
    while (true) {
      RealThread waitFor = null;
      for (RealThread t : live) {
        if (!t.daemon) {
          waitFor = t;
          break;
        }
      }
      if (waitFor == null) {
        return new RunEnd(RunEnd.Kind.FINISHED, "");
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return new RunEnd(
            RunEnd.Kind.TIMED_OUT,
            "threads were still running after "
                + TimeUnit.NANOSECONDS.toMillis(realTimeoutNanos)
                + " ms: "
                + String.join("; ", describeLiveThreads()));
      }
      try {
        long millis = Math.max(1, Math.min(WATCHDOG_MILLIS, TimeUnit.NANOSECONDS.toMillis(left)));
        Thread java = waitFor.java;
        if (java == null) {
          Thread.sleep(1); // still starting
        } else {
          java.join(millis);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new RunEnd(RunEnd.Kind.TIMED_OUT, "interrupted while waiting for threads");
      }
      if (!waitFor.alive()) {
        live.remove(waitFor);
      }
      String deadlock = watchdog.check(live);
      if (deadlock != null) {
        kill();
        return new RunEnd(RunEnd.Kind.DEADLOCK, deadlock);
      }
    }
  }

  @Override
  public void kill() {
    for (RealThread t : live) {
      t.killed = true;
      Thread java = t.java;
      if (java != null) {
        java.interrupt();
      }
    }
  }

  @Override
  public List<String> describeLiveThreads() {
    List<String> out = new ArrayList<>();
    for (RealThread t : live) {
      String what = t.waitingFor != null ? "waits for " + t.waitingFor : "is running";
      out.add(t.name + " " + what + (t.alive() ? "" : " (ended)"));
    }
    return out;
  }

  @Override
  public Mutex newMutex(String name) {
    return new RealMutex(Objects.requireNonNull(name, "name must not be null"));
  }

  @Override
  public Cond newCond(String name, Mutex mutex) {
    Objects.requireNonNull(name, "name must not be null");
    if (!(mutex instanceof RealMutex)) {
      throw new IllegalArgumentException(
          "condition " + name + " needs a mutex made by the same real clock");
    }
    return new RealCond(name, (RealMutex) mutex);
  }

  private static void blocked(RealThread self, String on, boolean timed) {
    if (self != null) {
      self.blockedOn = on;
      self.timed = timed;
    }
  }

  private static void unblocked(RealThread self) {
    if (self != null) {
      self.blockedOn = null;
      self.timed = false;
      // A thread waiting for the GIL wakes from a timed wait every switch interval to ask for a
      // drop; that is not progress. It gets on only when it takes the GIL (waitingFor(null)).
      // Counting those wake-ups hid every deadlock in which the GIL holder is itself stuck.
      if (!self.gilWait) {
        self.progress++;
      }
    }
  }

  private ThreadKilled killedError() {
    RealThread self = current.get();
    return new ThreadKilled(self != null ? self.name : Thread.currentThread().getName());
  }

  private void checkKilled() {
    RealThread self = current.get();
    if (self != null && self.killed) {
      throw new ThreadKilled(self.name);
    }
  }

  private final class RealMutex implements Mutex {
    private final String name;
    private final ReentrantLock lock = new ReentrantLock();

    RealMutex(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public void lock() {
      if (lock.isHeldByCurrentThread()) {
        throw new IllegalStateException(
            "thread "
                + Thread.currentThread().getName()
                + " already holds mutex "
                + name
                + ", which is not reentrant");
      }
      if (lock.tryLock()) {
        return;
      }
      RealThread self = current.get();
      blocked(self, "mutex " + name, false);
      try {
        lock.lockInterruptibly();
      } catch (InterruptedException e) {
        throw killedError();
      } finally {
        unblocked(self);
      }
    }

    @Override
    public void unlock() {
      if (!lock.isHeldByCurrentThread()) {
        throw new IllegalStateException(
            "thread "
                + Thread.currentThread().getName()
                + " unlocked mutex "
                + name
                + ", which it does not hold");
      }
      lock.unlock();
    }
  }

  private final class RealCond implements Cond {
    private final String name;
    private final Condition condition;

    RealCond(String name, RealMutex mutex) {
      this.name = name;
      this.condition = mutex.lock.newCondition();
    }

    @Override
    public void await() {
      checkKilled();
      RealThread self = current.get();
      blocked(self, "condition " + name, false);
      try {
        condition.await();
      } catch (InterruptedException e) {
        throw killedError();
      } finally {
        unblocked(self);
      }
    }

    @Override
    public boolean timedWait(long nanos) {
      checkKilled();
      RealThread self = current.get();
      blocked(self, "condition " + name, true);
      try {
        return condition.awaitNanos(nanos) <= 0;
      } catch (InterruptedException e) {
        throw killedError();
      } finally {
        unblocked(self);
      }
    }

    @Override
    public void signal() {
      condition.signal();
    }

    @Override
    public void broadcast() {
      condition.signalAll();
    }
  }

  private final class RealThread implements ClockThread {
    final String name;
    final boolean daemon;

    /** Set by the starter, or by the thread itself if it runs first; null only while starting. */
    volatile Thread java;

    volatile String waitingFor;
    volatile boolean killed;
    // For the watchdog: what the thread is blocked on right now, and whether that wait ends by
    // itself (a sleep or a timed wait), and a counter that moves whenever the thread gets on.
    volatile boolean gilWait;
    volatile String blockedOn;
    volatile boolean timed;
    long progress; // plain: only read for threads that are stuck, which do not loop

    RealThread(String name, boolean daemon) {
      this.name = name;
      this.daemon = daemon;
    }

    /** Whether the Java thread runs, or is still starting. */
    boolean alive() {
      Thread j = java;
      return j == null || j.isAlive();
    }

    @Override
    public long now() {
      return System.nanoTime() - epoch;
    }

    @Override
    public void instruction() {
      if (killed) {
        throw new ThreadKilled(name);
      }
      progress++;
    }

    /** Whether this thread waits for something only another thread can give it. */
    boolean stuck() {
      return gilWait || (blockedOn != null && !timed);
    }

    @Override
    public long cpu(long nanos) {
      progress++;
      long start = System.nanoTime();
      long end = start + nanos;
      while (System.nanoTime() - end < 0) {
        if (killed) {
          throw new ThreadKilled(name);
        }
        Thread.onSpinWait();
      }
      return start - epoch;
    }

    @Override
    public void sleep(long nanos) {
      long end = System.nanoTime() + nanos;
      // Always block at least once, as a real sleep or I/O system call does even for 0 s: the
      // kernel's timer slack makes that about 50 us on Linux, which is long enough for a thread
      // waiting for the GIL to wake up and take it. Without it, sleep(0) would re-take the GIL
      // before any waiter could, and the convoy effect would vanish.
      timed = true;
      blockedOn = "sleep";
      try {
        sleepUntil(end, nanos);
      } finally {
        blockedOn = null;
        timed = false;
        progress++;
      }
    }

    private void sleepUntil(long end, long nanos) {
      LockSupport.parkNanos(Math.max(1, nanos));
      long left;
      while ((left = end - System.nanoTime()) > 0) {
        if (killed) {
          throw new ThreadKilled(name);
        }
        LockSupport.parkNanos(left);
      }
      if (killed) {
        throw new ThreadKilled(name);
      }
    }

    @Override
    public void waitingFor(String what, boolean gil) {
      this.waitingFor = what;
      this.gilWait = gil;
      if (what == null) {
        progress++;
      }
    }

    @Override
    public boolean killed() {
      return killed;
    }
  }
}

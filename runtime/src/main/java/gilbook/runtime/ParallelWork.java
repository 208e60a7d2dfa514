package gilbook.runtime;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A ledger of work done in parallel for one Python thread: simulated CPU time and blocked time, in
 * nanoseconds, added by helper threads (and by the thread itself inside a piece of its parallel
 * work) and taken by the Python thread when it settles. Adding never touches the scheduler, so it
 * is safe from any Java thread. Thread-safe. See {@link HelperThreads}.
 */
final class ParallelWork {
  private final AtomicLong cpu = new AtomicLong();
  private final AtomicLong cpuCalls = new AtomicLong();
  private final AtomicLong blocked = new AtomicLong();
  private volatile boolean pending;

  /** Adds {@code nanos} of computation ({@code Work.cpu}). */
  void addCpu(long nanos) {
    cpu.accumulateAndGet(nanos, ParallelWork::saturatedAdd);
    cpuCalls.incrementAndGet();
    pending = true;
  }

  /** Adds {@code nanos} of blocking ({@code Work.sleep}, {@code Work.io}). */
  void addBlocked(long nanos) {
    blocked.accumulateAndGet(nanos, ParallelWork::saturatedAdd);
    pending = true;
  }

  /** Whether anything was added since the last {@link #takeCpu} / {@link #takeBlocked}. */
  boolean pending() {
    return pending;
  }

  /** The computation added so far, leaving 0; clears {@link #pending()}. */
  long takeCpu() {
    pending = false;
    return cpu.getAndSet(0);
  }

  /** How many computations made up what {@link #takeCpu} took, leaving 0. */
  long takeCpuCalls() {
    return cpuCalls.getAndSet(0);
  }

  /** The blocking added so far, leaving 0. */
  long takeBlocked() {
    return blocked.getAndSet(0);
  }

  private static long saturatedAdd(long a, long b) {
    long r = a + b;
    return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
  }
}

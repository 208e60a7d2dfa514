package gilbook.exercises.checks.ch07;

import gilbook.runtime.GilListener;
import gilbook.runtime.TraceEvent;
import gilbook.runtime.Work;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How far the extension has got, counted in finished {@code Work.cpu} calls: each {@code
 * Expensive.compute} or {@code Expensive.primeFactors} is one. A thread beside the extension waits
 * here to act at a chosen point of the extension's work rather than at a fixed moment, so the same
 * plan hits the same item whatever the learner's overheads. Thread-safe.
 */
final class Progress implements GilListener {
  /** The finest step of a wait: about a tenth of one computation. */
  private static final long POLL_NANOS = 100_000;

  private final Set<String> notTheExtension;
  private final AtomicLong calls = new AtomicLong();
  private final AtomicLong callsWithGil = new AtomicLong();
  private volatile boolean finished;

  /**
   * Counts the calls of every thread but {@code notTheExtension} (threads the extension starts).
   */
  Progress(Set<String> notTheExtension) {
    this.notTheExtension = Set.copyOf(notTheExtension);
  }

  @Override
  public void onCpu(TraceEvent event) {
    if (!notTheExtension.contains(event.thread())) {
      calls.incrementAndGet();
      if (event.detail().contains("holding the GIL")) {
        callsWithGil.incrementAndGet();
      }
    }
  }

  /** Finished computations so far. */
  long calls() {
    return calls.get();
  }

  /** Finished computations that ran while their thread held the GIL. */
  long callsWithGil() {
    return callsWithGil.get();
  }

  /** Whether the extension's function has returned (or raised). */
  boolean finished() {
    return finished;
  }

  void finish() {
    finished = true;
  }

  /**
   * Sleeps, on the calling Python thread, until {@code count} computations have finished or the
   * extension has returned. A computation costs at least {@code callNanos}, and at most two run at
   * once (two cores), so sleeping half of all but one missing call never oversleeps the moment; the
   * last call is watched in steps of a tenth of a call. Few wake-ups, and the wait ends within a
   * tenth of a call of the moment.
   *
   * <p>The wait gives up after ten times the expected work, plus 10 ms: an extension stuck for good
   * (waiting on something that never comes) must still end in the interpreter's deadlock report,
   * which a thread that keeps waking up would put off for ever.
   */
  void awaitCalls(long count, long callNanos) {
    long limit = 10 * (count + 1) * callNanos + 10_000_000;
    long slept = 0;
    while (calls.get() < count && !finished && slept < limit) {
      long missing = count - calls.get();
      long nap = Math.max(POLL_NANOS, (missing - 1) * callNanos / 2);
      Work.sleep(Duration.ofNanos(nap));
      slept += nap;
    }
  }
}

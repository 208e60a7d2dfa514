package gilbook.runtime;

import java.util.List;

/**
 * How one Python thread changed reference counts in free-threaded mode (PEP 703's biased reference
 * counting). With the GIL on every count is 0: the GIL build has one plain {@code ob_refcnt}. A
 * snapshot: immutable and thread-safe.
 *
 * @param threadId the thread's id
 * @param name the thread's name
 * @param nonAtomic increfs and decrefs of objects this thread owns: plain, non-atomic changes of
 *     {@code ob_ref_local}
 * @param atomic increfs and decrefs of objects another thread owns (or that were merged): atomic
 *     changes of {@code ob_ref_shared}
 * @param merges how many times this thread merged an object's two counts into {@code
 *     ob_ref_shared}: when its own local count reached zero while the shared one was not, when it
 *     processed an object another thread queued to it, or when it queued an object to a thread that
 *     had already exited (and so merged it itself)
 * @param queued how many objects this thread queued to their owner for merging, because its decref
 *     would have taken their shared count below zero
 * @param immortal increfs and decrefs of immortal objects (PEP 683), which change nothing
 */
public record RefcountStats(
    long threadId,
    String name,
    long nonAtomic,
    long atomic,
    long merges,
    long queued,
    long immortal) {

  /** Every incref and decref that changed a count: {@code nonAtomic + atomic}. */
  public long operations() {
    return nonAtomic + atomic;
  }

  /** The share of counting operations that needed no atomic instruction, 0 to 1 (0 if none). */
  public double nonAtomicShare() {
    long all = operations();
    return all == 0 ? 0.0 : (double) nonAtomic / all;
  }

  /** The sum of several threads' statistics, under {@code name}, with thread id 0. */
  public static RefcountStats total(String name, List<RefcountStats> stats) {
    long nonAtomic = 0;
    long atomic = 0;
    long merges = 0;
    long queued = 0;
    long immortal = 0;
    for (RefcountStats s : stats) {
      nonAtomic += s.nonAtomic;
      atomic += s.atomic;
      merges += s.merges;
      queued += s.queued;
      immortal += s.immortal;
    }
    return new RefcountStats(0, name, nonAtomic, atomic, merges, queued, immortal);
  }
}

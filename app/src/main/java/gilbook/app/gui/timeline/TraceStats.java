package gilbook.app.gui.timeline;

import java.util.List;

/**
 * The per-thread statistics of a trace and the time span it covers. Immutable and thread-safe.
 *
 * @param threads one summary per thread, in thread id order
 * @param startNs the earliest instant in the trace
 * @param endNs the latest instant in the trace; equals {@code startNs} for an empty trace
 */
public record TraceStats(List<ThreadSummary> threads, long startNs, long endNs) {

  /** Copies the list. */
  public TraceStats {
    threads = List.copyOf(threads);
  }

  /** {@code endNs - startNs}. */
  public long spanNs() {
    return endNs - startNs;
  }
}

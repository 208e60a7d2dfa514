package gilbook.app.gui.timeline;

/**
 * What one thread did with the GIL over the whole run, in nanoseconds: the trace's exact per-thread
 * statistics. Immutable and thread-safe.
 *
 * @param threadId the thread's id (1 for the first thread)
 * @param name the thread's name
 * @param heldNs time holding the GIL
 * @param waitedNs time waiting to take the GIL
 * @param blockedNs time blocked in I/O, sleep or join, with the GIL released
 * @param ranWithoutGilNs time computing with the GIL released
 * @param acquisitions how many times the thread took the GIL
 * @param longestHoldNs the longest single hold
 * @param dropRequestsCaused how many times this thread's wait timed out and it asked for a drop
 * @param forcedSwitchWaits how many times this thread, after dropping, waited for another to take
 *     the GIL
 */
public record ThreadSummary(
    long threadId,
    String name,
    long heldNs,
    long waitedNs,
    long blockedNs,
    long ranWithoutGilNs,
    long acquisitions,
    long longestHoldNs,
    long dropRequestsCaused,
    long forcedSwitchWaits) {}

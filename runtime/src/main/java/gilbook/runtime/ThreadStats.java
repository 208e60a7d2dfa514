package gilbook.runtime;

/**
 * What one Python thread did with the GIL, in nanoseconds of its clock. A snapshot: immutable and
 * thread-safe.
 *
 * @param threadId the thread's id
 * @param name the thread's name
 * @param held time holding the GIL
 * @param waited time waiting to take the GIL
 * @param ranWithoutGil time computing ({@code Work.cpu}, native calls) without the GIL
 * @param blocked time blocked in I/O, sleep or join, with the GIL released
 * @param cpuWithGil time computing in {@code Work.cpu} while holding the GIL (other threads could
 *     not run Python code meanwhile)
 * @param acquisitions how many times the thread took the GIL
 * @param longestHold the longest single hold
 * @param dropRequestsCaused how many times this thread's wait timed out and set the drop request
 * @param forcedSwitchWaits how many times this thread waited, after dropping, for another to take
 *     the GIL
 * @param instructions how many instructions the thread ran
 * @param started when the thread started
 * @param ended when the thread ended, or -1 while it runs
 */
public record ThreadStats(
    long threadId,
    String name,
    long held,
    long waited,
    long ranWithoutGil,
    long blocked,
    long cpuWithGil,
    long acquisitions,
    long longestHold,
    long dropRequestsCaused,
    long forcedSwitchWaits,
    long instructions,
    long started,
    long ended) {}

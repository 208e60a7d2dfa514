package gilbook.exercises.contract;

import java.time.Duration;
import java.util.Objects;

/**
 * The machine "Tune the interval" asks about. Immutable and thread-safe.
 *
 * <p>Each CPU-bound thread runs a loop whose body is one long call into C (say, a {@code sum} over
 * a big list): the eval breaker is checked only at the loop's back edge, once every {@link
 * #checkPointEvery}. The I/O thread, beside one such CPU-bound thread, repeats: a blocking call of
 * {@link #ioTime} that releases the GIL, then a few instructions of Python. Wake-ups cost nothing
 * on the workbook's machine: a thread that is signalled runs at once.
 *
 * @param checkPointEvery the time from one check point of a CPU-bound thread to its next
 * @param ioTime how long each blocking call of the I/O thread takes
 */
public record IntervalWorkload(Duration checkPointEvery, Duration ioTime) {
  public IntervalWorkload {
    Objects.requireNonNull(checkPointEvery, "checkPointEvery must not be null");
    Objects.requireNonNull(ioTime, "ioTime must not be null");
  }
}

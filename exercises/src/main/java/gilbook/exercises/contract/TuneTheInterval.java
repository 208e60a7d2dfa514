package gilbook.exercises.contract;

import java.time.Duration;
import java.util.List;

/**
 * Chapter 3, "Tune the interval": predict what a switch interval costs and buys, from the model of
 * {@code take_gil} and the eval breaker (not by running the simulation), then choose one.
 */
public interface TuneTheInterval {
  /**
   * How many times per second the GIL changes hands when two CPU-bound threads of {@code workload}
   * share it, at {@code interval}.
   */
  double switchesPerSecond(Duration interval, IntervalWorkload workload);

  /**
   * How long the I/O thread of {@code workload} waits to get the GIL back after each blocking call,
   * beside one CPU-bound thread, at {@code interval} (the convoy wait).
   */
  Duration convoyWait(Duration interval, IntervalWorkload workload);

  /**
   * The interval among {@code candidates} whose convoy wait is at most {@code target} and that,
   * among those, makes two CPU-bound threads switch least often.
   */
  Duration pick(List<Duration> candidates, Duration target, IntervalWorkload workload);
}

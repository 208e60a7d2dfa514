package gilbook.runtime.internal;

import gilbook.runtime.Clock;
import java.util.List;
import java.util.function.Consumer;

/**
 * The machinery behind a {@link Clock}: starting Python threads, charging their time, and driving
 * the simulation to its end. Not API: the interpreter is its only caller.
 */
public interface ClockEngine extends Clock {

  /**
   * Settings the interpreter hands over once, at {@code build()}.
   *
   * @param lookaheadNanos how far (virtual time) a thread running instructions may run past another
   *     thread's pending event before it hands over; 0 keeps events in exact time order. Only the
   *     free-threaded mode sets it (see {@code VirtualClock}).
   */
  record Settings(
      int cores,
      long instructionCostNanos,
      double jitter,
      long timeLimitNanos,
      long lookaheadNanos) {

    /** Settings with no lookahead: events in exact time order. */
    public Settings(int cores, long instructionCostNanos, double jitter, long timeLimitNanos) {
      this(cores, instructionCostNanos, jitter, timeLimitNanos, 0);
    }
  }

  /**
   * Binds this clock to one interpreter, built by {@code builder}; a second call fails.
   *
   * @param builder the builder of that interpreter; {@link #builder()} returns it from now on
   */
  void configure(Settings settings, Object builder);

  /** The builder whose interpreter this clock serves, or {@code null} while it serves none. */
  Object builder();

  /**
   * A new clock of the same kind (and seed) that serves no interpreter yet. A builder builds its
   * next interpreter on one, once its own clock serves the interpreter it built before: so building
   * twice gives two interpreters with the same settings.
   */
  ClockEngine twin();

  /**
   * Creates and starts the Java thread behind a Python thread (see {@link PythonThreads}). In
   * virtual mode the new thread waits for its turn before running {@code body}.
   *
   * @param name the Python thread's name, for reports
   * @param daemon whether the end of the run waits for this thread
   * @param family the thread's own fork/join pool: its owner, parallelism and helper callback
   */
  ClockThread startThread(
      String name, boolean daemon, PythonThreads.Family family, Consumer<ClockThread> body);

  /**
   * Called by the interpreter's thread wrapper as the first thing on the new Java thread; in
   * virtual mode it blocks until the scheduler gives this thread its first turn.
   */
  void enter(ClockThread thread);

  /** Called as the last thing on a Python thread's Java thread; passes the turn on. */
  void exit(ClockThread thread);

  /**
   * Runs the simulation until every non-daemon thread has finished, or until it cannot go on.
   * Called from outside the simulation. In real mode it joins the threads.
   *
   * @param realTimeoutNanos give up waiting after this much real time; {@code Long.MAX_VALUE} waits
   *     for ever
   * @return why it stopped
   */
  RunEnd awaitThreads(long realTimeoutNanos);

  /** Stops every thread that is still parked in the scheduler; never blocks for long. */
  void kill();

  /** The threads that have not finished, with what each waits for. */
  List<String> describeLiveThreads();

  /** The calling Python thread's clock handle, or {@code null} outside a Python thread. */
  ClockThread currentThread();

  /** How a call to {@link #awaitThreads(long)} ended. */
  record RunEnd(Kind kind, String report) {
    /** The possible ends. */
    public enum Kind {
      /** Every non-daemon thread finished. */
      FINISHED,
      /** Every live thread waits for something no other thread will ever do. */
      DEADLOCK,
      /** A thread's virtual clock passed the interpreter's time limit. */
      TIME_LIMIT,
      /** The real-time timeout passed first. */
      TIMED_OUT
    }
  }
}

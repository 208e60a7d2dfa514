package gilbook.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The GIL makes single instructions atomic, not read-modify-write sequences; whether a race window
 * exists depends on where the check points are. This mirrors what CURRICULUM.md measured on CPython
 * 3.11: the seed's reward counter loses nothing (the loop body has no check point), while one call
 * inside the window loses and gains updates.
 */
class CheckPointRaceTests {
  private static final int THREADS = 2;
  private static final int ITERATIONS = 100_000;

  /** Runs two threads that each add 1 to {@code d["n"]} {@code ITERATIONS} times. */
  private static long finalCount(Interpreter interp, boolean callInsideWindow) {
    long[] result = new long[1];
    interp.run(
        () -> {
          PyDict d = PyDict.empty();
          PyLong zero = PyLong.fromLong(0);
          d.setItem("n", zero);
          zero.decref();
          PyThread[] workers = new PyThread[THREADS];
          for (int t = 0; t < THREADS; t++) {
            workers[t] =
                interp.start(
                    "worker-" + t,
                    () ->
                        Eval.loop(
                            ITERATIONS,
                            i -> {
                              PyLong n = (PyLong) d.getItem("n"); // read
                              if (callInsideWindow) {
                                Eval.call(() -> {}); // e.g. a helper that logs
                              }
                              PyLong next = n.add(1); // modify
                              d.setItem("n", next); // write
                              next.decref();
                            }));
          }
          for (PyThread w : workers) {
            w.join();
          }
          result[0] = ((PyLong) d.getItem("n")).asLong();
          d.decref();
        });
    assertTrue(interp.shutdown().clean(), interp.shutdown().toString());
    return result[0];
  }

  private static Interpreter.Builder racy(long seed, EvalBreakerPolicy policy) {
    return Runs.virtual(seed)
        .evalBreakerPolicy(policy)
        .jitter(0.5)
        .switchInterval(Duration.ofNanos(200_000));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void aReadModifyWriteSpanningCheckPointsLosesUpdatesUnderEveryInstruction(long seed) {
    long count = finalCount(racy(seed, EvalBreakerPolicy.EVERY_INSTRUCTION).build(), false);
    assertTrue(
        count < THREADS * ITERATIONS, "expected lost updates, but the count is exact: " + count);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void theSameWorkInsideOneLoopBodyLosesNothingUnderBackEdges(long seed) {
    long count = finalCount(racy(seed, EvalBreakerPolicy.BACK_EDGES_AND_CALLS).build(), false);
    assertEquals(THREADS * ITERATIONS, count);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void oneCallInsideTheWindowOpensTheRaceAgainUnderBackEdges(long seed) {
    long count = finalCount(racy(seed, EvalBreakerPolicy.BACK_EDGES_AND_CALLS).build(), true);
    assertTrue(count < THREADS * ITERATIONS, "expected lost updates with a call: " + count);
  }
}

package gilbook.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Shared helpers for the runtime's tests, in every package. */
public final class Runs {
  static final long INTERVAL = Duration.ofMillis(5).toNanos();
  static final long COST = 50;
  public static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

  private Runs() {}

  /** A virtual interpreter with the defaults and the given seed. */
  public static Interpreter.Builder virtual(long seed) {
    return Interpreter.builder().clock(Clock.virtual(seed)).stderr(QUIET);
  }

  /**
   * A real-time interpreter for tests that must hold under any schedule and any load. Its real-time
   * limit is only a guard against a hang: the runs that use it need well under a second, so a
   * broken GIL or watchdog fails the test after two minutes instead of stopping the build. No
   * assertion depends on how fast a run is.
   */
  public static Interpreter.Builder real() {
    return Interpreter.builder()
        .clock(Clock.real())
        .realTimeLimit(Duration.ofMinutes(2))
        .stderr(QUIET);
  }

  /** Asserts that no thread raised and that shutdown found no leak and no live thread. */
  public static void assertClean(Interpreter interp) {
    assertTrue(interp.threadExceptions().isEmpty(), interp.threadExceptions().toString());
    assertTrue(interp.shutdown().clean(), interp.shutdown().toString());
  }

  /** Runs the interpreter's threads to the end and checks no thread raised. */
  public static void finish(Interpreter interp) {
    interp.awaitThreads();
    assertTrue(interp.threadExceptions().isEmpty(), () -> interp.threadExceptions().toString());
  }

  /** The calling Python thread's virtual time in nanoseconds. */
  public static long now() {
    return PyThreadState.get().now();
  }

  /** Sleeps {@code millis} of simulated time, releasing the GIL. */
  public static void sleepMillis(long millis) {
    Work.sleep(Duration.ofMillis(millis));
  }

  /**
   * Asserts that {@code body} raises the Python exception {@code type: message}; a {@code null}
   * message checks the type only.
   */
  public static void assertRaises(String type, String message, Runnable body) {
    PyException e = assertThrows(PyException.class, body::run);
    assertEquals(type, e.type(), e.getMessage());
    if (message != null) {
      assertEquals(type + ": " + message, e.getMessage());
    }
  }

  /** A CPU-bound thread body: {@code n} iterations of an empty loop (one back edge each). */
  static Runnable spin(long n) {
    return () -> Eval.loop(n, i -> {});
  }

  /**
   * Runs {@code first}, which starts {@code second} from inside; so {@code first} holds the GIL
   * before {@code second} asks for it.
   */
  static void startFirst(
      Interpreter interp, String first, Runnable firstBody, String second, Runnable secondBody) {
    interp.start(
        first,
        () -> {
          interp.start(second, secondBody);
          firstBody.run();
        });
    interp.awaitThreads();
  }

  /** The events of one kind by one thread. */
  public static List<TraceEvent> events(Interpreter interp, TraceEvent.Kind kind, String thread) {
    List<TraceEvent> out = new ArrayList<>();
    for (TraceEvent e : interp.trace().events(kind)) {
      if (e.thread().equals(thread)) {
        out.add(e);
      }
    }
    return out;
  }

  /** The GIL drops by {@code thread} whose cause is {@code detail}. */
  public static List<TraceEvent> drops(Interpreter interp, String thread, String detail) {
    return events(interp, TraceEvent.Kind.DROP, thread).stream()
        .filter(e -> e.detail().equals(detail))
        .toList();
  }

  /** Holds without the first and the last, which start or end with a thread. */
  static List<Trace.Hold> innerHolds(Interpreter interp) {
    List<Trace.Hold> holds = interp.trace().holds();
    return holds.size() <= 2 ? List.of() : holds.subList(1, holds.size() - 1);
  }
}

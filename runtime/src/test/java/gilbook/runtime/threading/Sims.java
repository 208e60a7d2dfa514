package gilbook.runtime.threading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gilbook.runtime.Clock;
import gilbook.runtime.Interpreter;
import gilbook.runtime.PyException;
import gilbook.runtime.PyThreadState;
import gilbook.runtime.TraceEvent;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import org.junit.jupiter.api.function.Executable;

/** Shared helpers for the threading primitives' tests. */
final class Sims {
  static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

  private Sims() {}

  /** A virtual interpreter with the defaults and the given seed. */
  static Interpreter virtual(long seed) {
    return Interpreter.builder().clock(Clock.virtual(seed)).stderr(QUIET).build();
  }

  /** The calling Python thread's virtual time in nanoseconds. */
  static long now() {
    return PyThreadState.get().now();
  }

  /** Sleeps {@code millis} of simulated time, releasing the GIL. */
  static void sleepMillis(long millis) {
    gilbook.runtime.Work.sleep(java.time.Duration.ofMillis(millis));
  }

  /** Asserts that {@code body} raises the Python exception {@code type: message}. */
  static void assertRaises(String type, String message, Executable body) {
    PyException e = assertThrows(PyException.class, body);
    assertEquals(type, e.type(), e.getMessage());
    if (message != null) {
      assertEquals(type + ": " + message, e.getMessage());
    }
  }

  /** Runs the interpreter's threads to the end and checks no thread raised. */
  static void finish(Interpreter interp) {
    interp.awaitThreads();
    assertTrue(interp.threadExceptions().isEmpty(), () -> interp.threadExceptions().toString());
  }

  /** The GIL drops by {@code thread} whose cause is {@code detail}. */
  static List<TraceEvent> drops(Interpreter interp, String thread, String detail) {
    return interp.trace().events(TraceEvent.Kind.DROP).stream()
        .filter(e -> e.thread().equals(thread) && e.detail().equals(detail))
        .toList();
  }
}

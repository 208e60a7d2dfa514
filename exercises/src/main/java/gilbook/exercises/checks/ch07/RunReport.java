package gilbook.exercises.checks.ch07;

import java.io.PrintStream;

/**
 * What Run prints after the extension's run: who held the GIL, how often and for how long, and who
 * did the work. It judges nothing. Thread-safe (stateless).
 */
final class RunReport {
  private RunReport() {}

  /** Prints the extension's and the other threads' figures, and any leak or failure. */
  static void print(PrintStream out, Extension.Outcome o, String computation) {
    var ext = o.extension();
    out.printf(
        "The extension ran from %.2f to %.2f ms, held the GIL for %.3f ms (%.1f%% of its run) and"
            + " took it %s.%n",
        ext.started() / 1e6,
        ext.ended() / 1e6,
        ext.held() / 1e6,
        100 * o.holdFraction(),
        ext.acquisitions() == 1 ? "once" : ext.acquisitions() + " times");
    out.printf(
        "%s ran %d times: %d of them holding the GIL (%.2f ms), the others with it released"
            + " (%.2f ms).%n",
        computation,
        o.calls(),
        o.callsWithGil(),
        ext.cpuWithGil() / 1e6,
        ext.ranWithoutGil() / 1e6);
    o.others()
        .forEach(
            (name, stats) ->
                out.printf(
                    "Thread %s finished at %.2f ms after waiting %.2f ms for the GIL.%n",
                    name, stats.ended() / 1e6, stats.waited() / 1e6));
    if (!Leaks.none(o.end())) {
      out.println("At shutdown: " + Leaks.describe(o.end()) + ".");
    }
  }

  /** Prints why the run stopped: a failure of the learner's code the checks would report. */
  static void stopped(PrintStream out, Throwable t) {
    String message = String.valueOf(t.getMessage());
    int got = message.indexOf("Got:");
    int next = message.indexOf("\nTry:");
    String what = got >= 0 && next > got ? message.substring(got + 4, next).strip() : t.toString();
    out.println("The run stopped: " + what);
  }
}

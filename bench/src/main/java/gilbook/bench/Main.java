package gilbook.bench;

import java.io.PrintStream;
import java.time.LocalDate;

/**
 * Runs every benchmark and prints the results table. {@code bench/run} is the way to call it; see
 * {@code docs/BENCHMARKS.md} for what each figure means.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("bench: " + e.getMessage());
      System.exit(2);
      return;
    }
    run(options, System.out);
    // A missed target is a result, not a failure: the exit status only says that every benchmark
    // ran. An exception that escapes run() ends the JVM with status 1 and its stack trace.
    System.exit(0);
  }

  /** Runs the benchmarks one after another (never two at once: the machine may have 2 cores). */
  static void run(Options options, PrintStream out) {
    Budget budget = options.budget();
    StringBuilder whyNoPython = new StringBuilder();
    CPython cpython = CPython.find(options.python(), options.scripts(), whyNoPython);
    Report report = new Report();

    Progress.say("a. GIL take + drop");
    new GilPairBench(budget).run(report);
    Progress.say("b. instruction rate");
    new InstructionRateBench(budget).run(report);
    if (cpython == null) {
      String skipped =
          "No CPython: "
              + whyNoPython
              + ". Its side of each comparison (c. and d.) is skipped; install python3, or set"
              + " PYTHON to a CPython 3.11.";
      Progress.say(skipped);
      report.note(skipped);
    } else if (!cpython.version().startsWith("3.11.")) {
      report.note(
          "CPython "
              + cpython.version()
              + " is not the 3.11 the curriculum's figures come from; its switching and"
              + " check points may differ.");
    }
    Progress.say("c. switch cadence");
    new SwitchCadenceBench(budget, cpython).run(report);
    Progress.say("c. I/O latency beside a CPU-bound thread");
    new IoLatencyBench(budget, cpython).run(report);
    Progress.say("c. lost updates, dis-listing VM against CPython");
    new LostUpdatesBench(budget, cpython).run(report);
    Progress.say("d. sha256 cost");
    new Sha256CostBench(budget, cpython).run(report);
    Progress.say("e. dis-listing VM against CPython");
    new BytecodeRateBench(budget, cpython).run(report);

    out.println("# gilbook runtime benchmarks (" + (options.quick() ? "quick" : "full") + " run)");
    out.println();
    out.println(
        "Date "
            + LocalDate.now()
            + "; "
            + Runtime.getRuntime().availableProcessors()
            + " cores; Java "
            + System.getProperty("java.version")
            + "; CPython "
            + (cpython == null ? "not found (" + whyNoPython + ")" : cpython.version())
            + ".");
    out.println();
    report.print(out);
    out.println();
    out.println(report.misses() == 0 ? "All targets met." : report.misses() + " target(s) missed.");
  }
}

package gilbook.app;

import java.io.PrintStream;

/**
 * Entry point of the {@code gilbook} launcher.
 *
 * <p>The workbook commands and the window arrive with the engine; until then this prints the
 * version and what is planned, so the launcher has something true to say.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || isOneOf(args[0], "--help", "-h", "help")) {
      printHelp(out);
      return 0;
    }
    if (isOneOf(args[0], "--version", "-V", "version")) {
      out.println("gilbook " + Version.current());
      return 0;
    }
    err.println("gilbook: unknown command '" + args[0] + "'.");
    err.println("Run './gilbook --help' to see the commands this version has.");
    return 2;
  }

  private static boolean isOneOf(String arg, String... names) {
    for (String name : names) {
      if (name.equals(arg)) {
        return true;
      }
    }
    return false;
  }

  private static void printHelp(PrintStream out) {
    out.println("gilbook " + Version.current() + " - an interactive workbook on Python's GIL");
    out.println();
    out.println("Usage: ./gilbook [--help | --version]");
    out.println();
    out.println("This build has the simulated CPython runtime (module runtime). The workbook");
    out.println("commands (list, check, watch, hint, run, reset, progress, verify, jshell) and");
    out.println("the desktop window are not in this build yet.");
    out.println();
    out.println("Try the runtime today:");
    out.println("  mvn -B verify                      run every test");
    out.println("  bench/run                          print the runtime benchmarks");
  }
}

package gilbook.bench;

import java.nio.file.Path;

/**
 * What one run of the benchmarks was asked for on the command line. Immutable.
 *
 * @param quick a short run, for smoke tests; its figures are rougher
 * @param python the CPython executable to compare against
 * @param scripts the folder with the CPython side of each comparison ({@code bench/python})
 */
record Options(boolean quick, String python, Path scripts) {

  static final String USAGE =
      "Usage: gilbook.bench.Main [--quick] [--python=EXE] [--scripts=DIR]"
          + " (bench/run passes these)\n"
          + "  --quick        a short run for smoke testing (figures are rougher)\n"
          + "  --python=EXE   the CPython to compare against (default: python3)\n"
          + "  --scripts=DIR  where the CPython scripts are (default: bench/python)";

  /**
   * Reads the command line.
   *
   * @throws IllegalArgumentException naming the first argument it does not understand
   */
  static Options parse(String... args) {
    boolean quick = false;
    String python = "python3";
    Path scripts = Path.of("bench", "python");
    for (String arg : args) {
      if (arg.equals("--quick")) {
        quick = true;
      } else if (arg.startsWith("--python=") && arg.length() > "--python=".length()) {
        python = arg.substring("--python=".length());
      } else if (arg.startsWith("--scripts=") && arg.length() > "--scripts=".length()) {
        scripts = Path.of(arg.substring("--scripts=".length()));
      } else {
        throw new IllegalArgumentException("unknown option '" + arg + "'\n" + USAGE);
      }
    }
    return new Options(quick, python, scripts);
  }

  /** How big each benchmark is in this run. */
  Budget budget() {
    return quick ? Budget.QUICK : Budget.FULL;
  }
}

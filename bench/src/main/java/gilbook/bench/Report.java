package gilbook.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The results table: one row per figure with its target and verdict, then notes. Not thread-safe;
 * benchmarks add to it one after another.
 */
final class Report {
  private final List<Row> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private int fidelityRounds;
  private int disturbedRounds;
  private double busiestCores = Double.NaN;

  /** One line of the table. */
  record Row(String figure, String measured, String target, String result) {}

  /**
   * Adds a figure; {@code shown} is {@code value} written with its unit.
   *
   * @return whether the figure met its target (always {@code true} for one without a target)
   */
  boolean add(String figure, String shown, double value, Target target) {
    String verdict = target.verdict(value);
    rows.add(new Row(figure, shown, target.text(), verdict));
    return !verdict.equals("MISS");
  }

  /** Adds a row for a figure that could not be measured in this run; a note should say why. */
  void skip(String figure) {
    rows.add(new Row(figure, "not measured", "-", "SKIP"));
  }

  /** Adds a note printed under the table. */
  void note(String text) {
    notes.add(text);
  }

  /**
   * Records how busy the machine was during one comparison with CPython, so the notes can tell a
   * quiet run from a disturbed one.
   *
   * @param rounds the rounds whose figures were kept
   * @param disturbed how many of them ran while another process kept a core busy
   * @param busiestCores the most cores busy during any of them
   */
  void machineLoad(int rounds, int disturbed, double busiestCores) {
    fidelityRounds += rounds;
    disturbedRounds += disturbed;
    if (!Double.isNaN(busiestCores)
        && (Double.isNaN(this.busiestCores) || busiestCores > this.busiestCores)) {
      this.busiestCores = busiestCores;
    }
  }

  /**
   * Adds a note if another process kept a core busy while {@code what} was measured; a benchmark
   * that runs one thread keeps about one core busy itself.
   */
  void noteIfDisturbed(String what, double busyCores) {
    if (MachineLoad.disturbed(busyCores)) {
      note(
          what
              + " ran while another process kept a core busy ("
              + Units.cores(busyCores)
              + " cores busy in all); its figures may be slow, rerun when the machine is idle.");
    }
  }

  /** How many judged figures missed their target. */
  long misses() {
    return rows.stream().filter(r -> r.result().equals("MISS")).count();
  }

  /** Prints the table as Markdown, padded so it also reads well in a terminal. */
  void print(PrintStream out) {
    Row header = new Row("Figure", "Measured", "Target", "Result");
    int[] width = {header.figure().length(), 8, 6, 6};
    for (Row r : rows) {
      width[0] = Math.max(width[0], r.figure().length());
      width[1] = Math.max(width[1], r.measured().length());
      width[2] = Math.max(width[2], r.target().length());
    }
    printRow(out, header, width);
    out.println(
        "|-"
            + "-".repeat(width[0])
            + "-|-"
            + "-".repeat(width[1])
            + ":|-"
            + "-".repeat(width[2])
            + "-|-"
            + "-".repeat(width[3])
            + "-|");
    for (Row r : rows) {
      printRow(out, r, width);
    }
    List<String> all = new ArrayList<>(notes);
    if (!Double.isNaN(busiestCores)) {
      all.add(
          "Machine load: "
              + disturbedRounds
              + " of "
              + fidelityRounds
              + " kept c. rounds ran while another process kept a core busy (busiest round: "
              + Units.cores(busiestCores)
              + " cores; a quiet round keeps about 1, as one thread runs Python at a time). Each"
              + " c. figure is a median of rounds, so a minority of disturbed rounds does not move"
              + " it.");
    }
    if (!all.isEmpty()) {
      out.println();
      for (String n : all) {
        out.println("- " + n);
      }
    }
  }

  private static void printRow(PrintStream out, Row r, int[] width) {
    out.printf(
        "| %-" + width[0] + "s | %" + width[1] + "s | %-" + width[2] + "s | %-" + width[3]
            + "s |%n",
        r.figure(),
        r.measured(),
        r.target(),
        r.result());
  }
}

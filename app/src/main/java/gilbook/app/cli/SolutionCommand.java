package gilbook.app.cli;

import gilbook.app.engine.DiffPaint;
import gilbook.app.engine.EngineException;
import gilbook.app.engine.SideBySideText;
import gilbook.app.engine.SolutionDiff;
import gilbook.app.engine.UnifiedText;
import gilbook.app.engine.Workbook;
import gilbook.exercises.manifest.Exercise;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi.Style;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gilbook solution}: the reference solution beside the learner's code, after a confirmation.
 * The engine's {@link SolutionDiff} decides what differs (the window shows the same); this command
 * only fits it to the terminal and colours it.
 */
@Command(
    name = "solution",
    mixinStandardHelpOptions = true,
    description = {
      "Show the reference solution beside your code, after a confirmation.",
      "Only the code is compared: the header comments, blank lines and spacing are left out."
    })
final class SolutionCommand implements Callable<Integer> {
  /** The width when the terminal's is unknown: COLUMNS is a shell variable, often not exported. */
  static final int DEFAULT_WIDTH = 100;

  private static final int UNIFIED_CONTEXT = 3;

  private final Context ctx;

  @Parameters(paramLabel = "ID", description = "The exercise.")
  String id;

  @Option(
      names = {"-y", "--yes"},
      description = "Skip the confirmation.")
  boolean yes;

  @Option(
      names = {"-u", "--unified"},
      description = "A unified diff (- your lines, + the solution's) instead of side by side.")
  boolean unified;

  @Option(
      names = "--width",
      paramLabel = "N",
      description =
          "Fit the side-by-side diff to N columns (default: $COLUMNS, else " + DEFAULT_WIDTH + ").")
  Integer width;

  SolutionCommand(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    Workbook wb = ctx.workbook();
    Exercise e = wb.exercise(id);
    if (width != null && width < SideBySideText.MIN_WIDTH) {
      throw new EngineException(
          "--width "
              + width
              + " is too narrow for a side-by-side diff: give "
              + SideBySideText.MIN_WIDTH
              + " or more, or use --unified.");
    }
    if (!yes
        && !Confirm.ask(
            ctx,
            "Show the solution for " + e.id() + "? It teaches most after you have tried.",
            "--yes")) {
      ctx.out().println("Not shown. './gilbook hint " + e.id() + "' may be enough.");
      return 0;
    }
    if (!Files.exists(wb.file(e))) {
      ctx.err()
          .println(
              "Your file "
                  + e.path()
                  + " is missing, so all of the solution shows as new."
                  + " './gilbook reset "
                  + e.id()
                  + "' brings the exercise back.");
    }
    SolutionDiff diff = SolutionDiff.read(wb.file(e), wb.solutionFile(e));
    if (diff.identical()) {
      ctx.out()
          .println(
              "Your code matches the solution (header comments, blank lines and spacing aside).");
      return 0;
    }
    List<String> lines;
    if (unified) {
      ctx.out().println(about(diff));
      lines =
          UnifiedText.render(
              diff, "your " + e.path(), "solution " + e.solutionPath(), UNIFIED_CONTEXT, paint());
    } else {
      int fit = width != null ? width : terminalWidth(System.getenv("COLUMNS"), ctx.err());
      ctx.out().println("Your file:    " + e.path());
      ctx.out().println("The solution: " + e.solutionPath());
      ctx.out().println(about(diff));
      lines = SideBySideText.render(diff, "your file", "the solution", fit, paint());
    }
    lines.forEach(ctx.out()::println);
    return 0;
  }

  private String about(SolutionDiff diff) {
    String skipped =
        "Not compared: the header comments ("
            + header("your file", diff.mineHeaderLines())
            + "; "
            + header("the solution", diff.solutionHeaderLines())
            + "), blank lines, spacing.";
    return unified
        ? skipped
        : skipped + "\n|  changed     <  only in your file     >  only in the solution";
  }

  private static String header(String whose, int lines) {
    return whose + ": " + (lines == 0 ? "none" : "lines 1-" + lines);
  }

  /**
   * The width to fit: COLUMNS when it is a usable number. Anything else is noted on {@code err} and
   * replaced, never fatal: the learner did not type it.
   */
  static int terminalWidth(String columns, PrintWriter err) {
    if (columns == null || columns.isBlank()) {
      return DEFAULT_WIDTH;
    }
    int n;
    try {
      n = Integer.parseInt(columns.strip());
    } catch (NumberFormatException ex) {
      err.println(
          "COLUMNS="
              + columns
              + " is not a number of columns; fitting "
              + DEFAULT_WIDTH
              + ". Use --width N to choose.");
      return DEFAULT_WIDTH;
    }
    if (n < SideBySideText.MIN_WIDTH) {
      err.println(
          "The terminal is "
              + n
              + " columns wide, too narrow to show the code side by side; fitting "
              + SideBySideText.MIN_WIDTH
              + ". --unified suits a narrow terminal.");
      return SideBySideText.MIN_WIDTH;
    }
    return n;
  }

  /** Red for your side of a change, green for the solution's: exact text, colour only around it. */
  private DiffPaint paint() {
    if (!ctx.colour()) {
      return DiffPaint.none();
    }
    return (ink, text) -> {
      Style style =
          switch (ink) {
            case REMOVED -> Style.fg_red;
            case ADDED -> Style.fg_green;
            case HUNK -> Style.fg_cyan;
          };
      return style.on() + text + style.off();
    };
  }
}

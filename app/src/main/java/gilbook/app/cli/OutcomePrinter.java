package gilbook.app.cli;

import gilbook.app.engine.CheckOutcome;
import gilbook.app.engine.SourceExcerpt;
import gilbook.exercises.grading.CheckResult;
import gilbook.exercises.harness.Problem;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Prints a check outcome for a person: one row per check, then what went wrong and why. */
final class OutcomePrinter {
  private static final int OUTPUT_SHOWN = 2_000;

  private OutcomePrinter() {}

  /**
   * Prints {@code o}, the grading of {@code file} (shown as {@code path}); {@code reproduce}, the
   * command that repeats this grading, on a failure.
   */
  static void print(Context ctx, CheckOutcome o, Path file, String path, String reproduce) {
    PrintWriter out = ctx.out();
    String head = o.passed() ? "@|bold,green ✓ " : "@|bold,red ✗ ";
    out.println(ctx.style(head + o.id() + "|@") + ctx.style("  @|faint " + path + "|@"));
    for (CheckResult c : o.checks()) {
      out.println("  " + ctx.style(c.passed() ? "@|green ✓|@ " : "@|red ✗|@ ") + c.name());
      if (!c.passed()) {
        for (String line : c.message().split("\n")) {
          out.println("      " + line);
        }
      }
    }
    o.error()
        .ifPresent(
            v -> {
              out.println("  " + ctx.style("@|red " + label(v.kind()) + ":|@"));
              if (!o.problems().isEmpty()) {
                // The message is these problems, one a line; show each with its source line.
                for (Problem p : o.problems()) {
                  out.println("      " + p.format(path));
                  SourceExcerpt.of(file, p).forEach(l -> out.println("    " + l));
                }
                return;
              }
              for (String line : v.message().split("\n")) {
                out.println("      " + line);
              }
            });
    if (!o.output().isBlank() && !o.passed()) {
      String shown =
          o.output().length() > OUTPUT_SHOWN ? o.output().substring(0, OUTPUT_SHOWN) : o.output();
      out.println("  " + ctx.style("@|faint output of your code:|@"));
      for (String line : shown.stripTrailing().split("\n")) {
        out.println("    | " + line);
      }
      long cut = o.droppedOutput() + Math.max(0, o.output().length() - OUTPUT_SHOWN);
      if (cut > 0) {
        out.println("    " + ctx.style("@|yellow [output truncated: " + cut + " more bytes]|@"));
      }
    }
    if (!o.checks().isEmpty()) {
      long passed = o.checks().stream().filter(CheckResult::passed).count();
      out.printf("  %d of %d checks passed%n", passed, o.checks().size());
    }
    if (!o.passed() && !o.checks().isEmpty()) {
      out.println(
          ctx.style(
              "  @|faint inputs from seed " + o.seed() + "; to repeat them: " + reproduce + "|@"));
    }
  }

  private static String label(String kind) {
    return switch (kind) {
      case "compile" -> "does not compile";
      case "exception" -> "raised an exception";
      case "contract" -> "does not fit the exercise";
      case "file" -> "cannot read the file";
      case "timeout" -> "took too long";
      case "deadlock" -> "deadlocked";
      case "exit" -> "ended the JVM";
      case "crash" -> "crashed";
      case "stray-thread" -> "left a thread running";
      default -> "could not be graded";
    };
  }
}

package gilbook.app.cli;

import gilbook.app.engine.Cancellation;
import gilbook.app.engine.EngineException;
import gilbook.app.engine.RunLimits;
import gilbook.app.engine.RunVerdictText;
import gilbook.app.engine.Workbook;
import gilbook.exercises.harness.Problem;
import gilbook.exercises.manifest.Exercise;
import gilbook.exercises.worker.WorkerResult;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gilbook run}: runs a file's code, prints its output and a GIL summary. On an exercise it
 * also runs the exercise's scenario on the file's code, ungraded, so there is GIL activity to see.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run an exercise file (or any .jsh file) in a child JVM: print its output, then a GIL"
          + " summary of every interpreter it built. On an exercise, your code runs in the"
          + " exercise's scenario (the one its checks use, with fixed inputs), ungraded.",
      "Exit code 0 when it ran cleanly, 1 when it failed or timed out, 2 for a usage error such as"
          + " a missing file."
    })
final class RunCommand implements Callable<Integer> {
  private final Context ctx;

  @Parameters(paramLabel = "ID|PATH", description = "An exercise id or a file path.")
  String target;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Option(
      names = "--trace",
      paramLabel = "OUT.json",
      description = "Write the last interpreter's GIL trace here.")
  Path trace;

  RunCommand(Context ctx) {
    this.ctx = ctx;
  }

  /** The {@code run --json} document. */
  record JsonRun(
      String file,
      String status,
      List<Problem> problems,
      List<String> summary,
      String output,
      long outputTruncatedBytes,
      String error) {}

  @Override
  public Integer call() {
    Workbook wb = ctx.workbook();
    Path file = resolve(wb);
    if (trace != null) {
      InputFiles.writable(trace, "--trace");
    }
    Exercise exercise = wb.exerciseOf(file).orElse(null);
    OutputStream echo = json ? null : new WriterOutputStream(ctx.out());
    Workbook.RunOutcome o =
        wb.run(exercise, file, RunLimits.SECONDS, trace, echo, new Cancellation());
    if (json) {
      WorkerResult r = o.result().orElse(null);
      Json.print(
          ctx.out(),
          new JsonRun(
              wb.display(file),
              r == null ? "failed" : r.status(),
              r == null ? List.of() : r.problems(),
              r == null ? List.of() : r.lines(),
              o.output(),
              o.dropped(),
              o.failure().orElse(null)));
      return RunVerdictText.ranCleanly(o) ? 0 : 1;
    }
    for (RunVerdictText.Line line : RunVerdictText.lines(o, file, wb.display(file), false)) {
      ctx.out().println(styled(line));
    }
    if (o.failure().isEmpty() && trace != null && Files.exists(trace)) {
      ctx.out().println("trace written to " + trace);
    }
    return RunVerdictText.ranCleanly(o) ? 0 : 1;
  }

  private String styled(RunVerdictText.Line line) {
    // Markup in the learner's own text (a source line, a message) must print as it is.
    String text = line.text().replace("@|", "@ |");
    return switch (line.tone()) {
      case NOTE -> ctx.style("@|yellow " + text + "|@");
      case STOPPED, FAILED -> ctx.style("@|red " + text + "|@");
      case HEADING -> ctx.style("@|bold " + text + "|@");
      case PLAIN -> line.text();
    };
  }

  /** The file to run: a path when it looks like one or exists, else an exercise's file. */
  private Path resolve(Workbook wb) {
    Path asPath = Path.of(target);
    boolean isPath = Files.exists(asPath) || target.endsWith(".jsh") || target.contains("/");
    Exercise e = isPath ? wb.exerciseOf(asPath).orElse(null) : wb.exercise(target);
    String restore = e == null ? "" : "'./gilbook reset " + e.id() + "' restores it as shipped.";
    if (e != null && !Files.exists(wb.file(e))) {
      throw new EngineException(
          "the file of " + e.id() + ", " + e.path() + ", is missing. " + restore);
    }
    Path file = e != null && !isPath ? wb.file(e) : asPath;
    InputFiles.text(
        file,
        "Java source",
        e != null
            ? restore
            : "Check the path, or name an exercise by its id ('./gilbook list' shows them).");
    return file;
  }
}

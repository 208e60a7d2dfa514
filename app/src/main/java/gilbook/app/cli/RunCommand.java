package gilbook.app.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import gilbook.app.engine.Cancellation;
import gilbook.app.engine.EngineException;
import gilbook.app.engine.LessonBlocks;
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
import java.util.Locale;
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
      "With a lesson's .md file and --block K, run the lesson's K-th runnable ```jshell block"
          + " the same way, as the window's Run link under it does.",
      "Exit code 0 when it ran cleanly, 1 when it failed or timed out, 2 for a usage error such as"
          + " a missing file."
    })
final class RunCommand implements Callable<Integer> {
  private final Context ctx;

  @Parameters(
      paramLabel = "ID|PATH",
      description = "An exercise id, a file path, or a lesson's .md file (with --block).")
  String target;

  @Option(
      names = "--block",
      paramLabel = "K",
      description =
          "Run the lesson's K-th runnable ```jshell block, counting from 1 (PATH is the"
              + " lesson's .md file).")
  Integer block;

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
      @JsonInclude(JsonInclude.Include.NON_NULL) Integer block,
      String status,
      List<Problem> problems,
      List<String> summary,
      String output,
      long outputTruncatedBytes,
      String error) {}

  @Override
  public Integer call() {
    Workbook wb = ctx.workbook();
    boolean lesson = isLesson(target);
    if (block != null && !lesson) {
      throw new EngineException(
          "--block runs a ```jshell block of a lesson, so name the lesson's .md file (like"
              + " chapters/01-why-the-gil.md); "
              + target
              + " is not one.");
    }
    Path file = lesson ? Path.of(target) : resolve(wb);
    LessonBlocks.Block chosen = lesson ? chosenBlock(file) : null;
    if (trace != null) {
      InputFiles.writable(trace, "--trace");
    }
    OutputStream echo = json ? null : new WriterOutputStream(ctx.out());
    Workbook.RunOutcome o;
    if (chosen != null) {
      if (!json) {
        ctx.out()
            .println(
                styled(
                    new RunVerdictText.Line(
                        RunVerdictText.Tone.HEADING, heading(wb, file, chosen))));
        ctx.out().flush();
      }
      o = LessonBlocks.run(wb, file, chosen, trace, echo, new Cancellation());
    } else {
      Exercise exercise = wb.exerciseOf(file).orElse(null);
      o = wb.run(exercise, file, RunLimits.SECONDS, trace, echo, new Cancellation());
    }
    if (json) {
      WorkerResult r = o.result().orElse(null);
      Json.print(
          ctx.out(),
          new JsonRun(
              wb.display(file),
              chosen == null ? null : chosen.number(),
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

  /** Whether {@code target} names a lesson, a markdown file. */
  private static boolean isLesson(String target) {
    String lower = target.toLowerCase(Locale.ROOT);
    return lower.endsWith(".md") || lower.endsWith(".markdown");
  }

  /** The block {@code --block} names in {@code lesson}, or a usage error that says which exist. */
  private LessonBlocks.Block chosenBlock(Path lesson) {
    String text =
        InputFiles.text(
            lesson, "a lesson", "Check the path; the lessons are the .md files in chapters/.");
    List<LessonBlocks.Block> blocks = LessonBlocks.in(text);
    String has = lesson + " has " + LessonBlocks.count(blocks.size());
    String range =
        switch (blocks.size()) {
          case 0 -> ", so there is nothing to run.";
          case 1 -> ": --block 1 runs it.";
          default -> ": K is 1 to " + blocks.size() + ".";
        };
    if (block == null) {
      throw new EngineException(
          lesson + " is a lesson: name the block to run with --block K. " + has + range);
    }
    return LessonBlocks.numbered(blocks, block)
        .orElseThrow(
            () -> new EngineException("--block " + block + " is out of range: " + has + range));
  }

  /** The line before a block's output: which block of which lesson, and where. */
  private static String heading(Workbook wb, Path lesson, LessonBlocks.Block b) {
    int last = b.lessonLine(Math.max(1, b.lineCount()));
    return "▶ "
        + wb.display(lesson)
        + ", block "
        + b.number()
        + (b.firstLine() > 0 ? " (lines " + b.firstLine() + "–" + last + ")" : "");
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

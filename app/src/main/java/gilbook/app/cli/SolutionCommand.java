package gilbook.app.cli;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import gilbook.app.engine.EngineException;
import gilbook.app.engine.Workbook;
import gilbook.exercises.manifest.Exercise;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gilbook solution}: the reference solution, as a diff against the learner's file. */
@Command(
    name = "solution",
    mixinStandardHelpOptions = true,
    description = "Show the reference solution as a diff against your file, after a confirmation.")
final class SolutionCommand implements Callable<Integer> {
  private final Context ctx;

  @Parameters(paramLabel = "ID", description = "The exercise.")
  String id;

  @Option(
      names = {"-y", "--yes"},
      description = "Skip the confirmation.")
  boolean yes;

  SolutionCommand(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    Workbook wb = ctx.workbook();
    Exercise e = wb.exercise(id);
    if (!yes
        && !Confirm.ask(
            ctx,
            "Show the solution for " + e.id() + "? It teaches most after you have tried.",
            "--yes")) {
      ctx.out().println("Not shown. './gilbook hint " + e.id() + "' may be enough.");
      return 0;
    }
    List<String> mine = lines(wb.file(e), true);
    List<String> theirs = lines(wb.solutionFile(e), false);
    Patch<String> patch = DiffUtils.diff(mine, theirs);
    List<String> diff =
        UnifiedDiffUtils.generateUnifiedDiff(
            "your " + e.path(), "solution " + e.solutionPath(), mine, patch, 3);
    if (diff.isEmpty()) {
      ctx.out().println("Your file is identical to the solution.");
      return 0;
    }
    for (String line : diff) {
      ctx.out().println(colour(line));
    }
    return 0;
  }

  private String colour(String line) {
    String safe = line.replace("@|", "@ |");
    if (line.startsWith("+") && !line.startsWith("+++")) {
      return ctx.style("@|green " + safe + "|@");
    }
    if (line.startsWith("-") && !line.startsWith("---")) {
      return ctx.style("@|red " + safe + "|@");
    }
    if (line.startsWith("@@")) {
      return ctx.style("@|cyan " + safe + "|@");
    }
    return line;
  }

  private static List<String> lines(Path file, boolean mayBeMissing) {
    try {
      return Files.readAllLines(file);
    } catch (NoSuchFileException ex) {
      if (mayBeMissing) {
        return List.of();
      }
      throw new EngineException("the solution file " + file + " is missing from this workbook.");
    } catch (IOException ex) {
      throw new EngineException("could not read " + file + ": " + ex.getMessage(), ex);
    }
  }
}

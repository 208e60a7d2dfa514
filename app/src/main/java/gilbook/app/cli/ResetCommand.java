package gilbook.app.cli;

import gilbook.app.engine.EngineException;
import gilbook.app.engine.Workbook;
import gilbook.exercises.manifest.Exercise;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gilbook reset}: restores the shipped stub, after backing up the learner's file. */
@Command(
    name = "reset",
    mixinStandardHelpOptions = true,
    description =
        "Restore an exercise as shipped. Your file is backed up first; the path is printed.")
final class ResetCommand implements Callable<Integer> {
  private final Context ctx;

  @Parameters(arity = "0..1", paramLabel = "ID", description = "The exercise to restore.")
  String id;

  @Option(names = "--all", description = "Restore every exercise.")
  boolean all;

  ResetCommand(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    if ((id == null) == !all) {
      throw new EngineException(
          "name one exercise, or use --all: 'gilbook reset ID' or 'gilbook reset --all'.");
    }
    Workbook wb = ctx.workbook();
    List<Exercise> targets = all ? wb.manifest().exercises() : List.of(wb.exercise(id));
    for (Exercise e : targets) {
      Optional<Path> backup = wb.reset(e);
      ctx.out().println(ctx.style("@|green ↺|@ ") + e.path() + " restored.");
      backup.ifPresent(b -> ctx.out().println("  your previous version is saved at " + b));
    }
    return 0;
  }
}

package gilbook.app.cli;

import gilbook.app.engine.EngineException;
import gilbook.app.engine.Workbook;
import gilbook.exercises.manifest.Exercise;
import java.nio.file.Files;
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
        "Restore an exercise as shipped, and mark it pending. A file you changed is backed up"
            + " first; the path is printed. --all asks before it restores every exercise.")
final class ResetCommand implements Callable<Integer> {
  private final Context ctx;

  @Parameters(arity = "0..1", paramLabel = "ID", description = "The exercise to restore.")
  String id;

  @Option(names = "--all", description = "Restore every exercise, after a confirmation.")
  boolean all;

  @Option(
      names = {"-y", "--yes"},
      description = "Skip the confirmation of --all.")
  boolean yes;

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
    // One exercise is named on purpose; all of them at once clears every done mark, so ask.
    if (all && !yes && !Confirm.ask(ctx, question(wb, targets), "--yes")) {
      ctx.out().println("Nothing reset.");
      return 0;
    }
    for (Exercise e : targets) {
      boolean untouched = wb.isAsShipped(e);
      Optional<Path> backup = wb.reset(e);
      String what = untouched ? " was already as shipped; marked pending." : " restored.";
      ctx.out().println(ctx.style("@|green ↺|@ ") + e.path() + what);
      backup.ifPresent(b -> ctx.out().println("  your previous version is saved at " + b));
    }
    return 0;
  }

  private static String question(Workbook wb, List<Exercise> targets) {
    long changed =
        targets.stream().filter(e -> Files.exists(wb.file(e)) && !wb.isAsShipped(e)).count();
    return "Restore all "
        + targets.size()
        + " exercises as shipped and mark them pending? "
        + (changed == 0
            ? "No file differs from the shipped one."
            : changed + " file(s) you changed will be backed up to .gilbook/backups/ first.");
  }
}

package gilbook.app.cli;

import gilbook.app.engine.Workbook;
import gilbook.exercises.manifest.Exercise;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gilbook hint}: reveals hints one level at a time. */
@Command(
    name = "hint",
    mixinStandardHelpOptions = true,
    description = "Show the next hint for an exercise. Levels unlock one at a time.")
final class HintCommand implements Callable<Integer> {
  private final Context ctx;

  @Parameters(arity = "0..1", paramLabel = "ID", description = "The exercise (default: current).")
  String id;

  @Option(
      names = "--level",
      paramLabel = "N",
      description = "Show up to level N (at most one more than unlocked).")
  Integer level;

  HintCommand(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    Workbook wb = ctx.workbook();
    Exercise e = id == null ? wb.current() : wb.exercise(id);
    List<String> shown = wb.hints(e, level);
    ctx.out().println(ctx.style("@|bold Hints for " + e.id() + "|@"));
    for (int i = 0; i < shown.size(); i++) {
      ctx.out()
          .printf(
              "%n%s %s%n",
              ctx.style("@|cyan " + (i + 1) + "/" + e.hints().size() + "|@"), shown.get(i));
    }
    if (shown.size() < e.hints().size()) {
      ctx.out()
          .println("\nStill stuck? Run './gilbook hint " + e.id() + "' again for the next one.");
    } else {
      ctx.out()
          .println(
              "\nThat was the last hint. './gilbook solution " + e.id() + "' shows the answer.");
    }
    return 0;
  }
}

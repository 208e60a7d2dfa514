package gilbook.app.cli;

import gilbook.app.engine.Workbook;
import gilbook.exercises.manifest.Chapter;
import gilbook.exercises.manifest.Exercise;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gilbook progress}: done and pending, and the hint levels unlocked, per chapter. */
@Command(
    name = "progress",
    mixinStandardHelpOptions = true,
    description = "Show what is done, what is pending and the hints unlocked, per chapter.")
final class ProgressCommand implements Callable<Integer> {
  private final Context ctx;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  ProgressCommand(Context ctx) {
    this.ctx = ctx;
  }

  /** One exercise: {@code hintLevel} of its {@code hintLevels} hint levels are unlocked. */
  record ExerciseStatus(String id, String status, int hintLevel, int hintLevels) {}

  record ChapterProgress(
      String id, String title, int done, int total, List<ExerciseStatus> exercises) {}

  record Report(int done, int total, List<ChapterProgress> chapters) {}

  @Override
  public Integer call() {
    Workbook wb = ctx.workbook();
    List<ChapterProgress> chapters = new ArrayList<>();
    int done = 0;
    int total = 0;
    for (Chapter c : wb.manifest().chapters()) {
      List<ExerciseStatus> list = new ArrayList<>();
      int d = 0;
      for (Exercise e : c.exercises()) {
        boolean ok = wb.progress().isDone(e.id());
        d += ok ? 1 : 0;
        int levels = e.hints().size();
        int unlocked = Math.min(wb.progress().hintLevel(e.id()), levels);
        list.add(new ExerciseStatus(e.id(), ok ? "done" : "pending", unlocked, levels));
      }
      chapters.add(new ChapterProgress(c.id(), c.title(), d, list.size(), list));
      done += d;
      total += list.size();
    }
    if (json) {
      Json.print(ctx.out(), new Report(done, total, chapters));
      return 0;
    }
    for (ChapterProgress c : chapters) {
      ctx.out()
          .printf(
              "%s %s  %d/%d%n",
              bar(c.done(), c.total()),
              ctx.style("@|bold " + c.id() + " " + c.title() + "|@"),
              c.done(),
              c.total());
      for (ExerciseStatus s : c.exercises()) {
        ctx.out()
            .println(
                "    "
                    + ctx.style(s.status().equals("done") ? "@|green ✓|@ " : "@|yellow ·|@ ")
                    + s.id()
                    + (s.hintLevel() == 0
                        ? ""
                        : ctx.style(
                            "  @|faint hints " + s.hintLevel() + "/" + s.hintLevels() + "|@")));
      }
    }
    ctx.out().printf("%nOverall: %s %d of %d exercises done%n", bar(done, total), done, total);
    return 0;
  }

  private String bar(int done, int total) {
    int width = 12;
    int filled = total == 0 ? 0 : done * width / total;
    return ctx.style("@|green " + "█".repeat(filled) + "|@") + "░".repeat(width - filled);
  }
}
